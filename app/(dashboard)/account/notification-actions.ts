"use server";
import { type ActionResult, unsafeForm } from "@/lib/action-result";
import { formError, formValues } from "@/lib/forms/form-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { updateMyPreferences } from "@/lib/server/notifications/preferences";

export async function saveNotificationsAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  try {
    const actor = await requireActor();
    await updateMyPreferences(actor, { enabled: form.getAll("enabled").map(String), digest: form.get("digest") === "on" });
    return { ok: true, message: "Notification settings saved." };
  } catch (e) {
    return formError(e, formValues(form));
  }
}
