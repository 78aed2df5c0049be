"use server";
import { redirect } from "next/navigation";
import { flash } from "@/lib/server/flash";
import { unsafeForm } from "@/lib/action-result";
import { runFormAction, type FormOf } from "@/lib/server/form-action";
import { requireActor } from "@/lib/server/auth/current-actor";
import { createWebhook, deleteWebhook, sendTestEvent } from "@/lib/server/webhooks/endpoints";
import { WEBHOOK_FIELDS } from "../admin-fields";

// Thin: authenticate, hand the raw input to lib/server (permission, validation), map errors;
// the endpoint form gets what was typed back, worded with its labels (decision 012).
const run = <T>(fn: () => Promise<T>, message: string, form?: FormOf) => runFormAction(fn, () => message, ["/admin/webhooks"], form);

export async function createWebhookAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  return run(() => createWebhook(actor, { url: form.get("url"), events: form.getAll("events").map(String) }), "Endpoint added. Copy the signing secret now: it is shown only once.", { data: form, specs: WEBHOOK_FIELDS, field: "url" });
}

export async function deleteWebhookAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const r = await run(() => deleteWebhook(actor, String(form.get("id") ?? "")), "Endpoint removed; its pending deliveries are cancelled.", { data: form, specs: {} });
  // The row holding the form is gone once the list re-renders, and its message with it: the
  // page says what happened instead (redirect() throws, so it stays outside run()'s catch).
  if (r.ok) {
    await flash("Endpoint removed; its pending deliveries are cancelled.");
    redirect("/admin/webhooks?removed=1");
  }
  return r;
}

export async function sendTestEventAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  return run(() => sendTestEvent(actor, String(form.get("id") ?? "")), "Test event queued; it appears in the delivery log within seconds. Open the endpoint's log to see how your receiver answered.", { data: form, specs: {} });
}
