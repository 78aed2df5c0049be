"use server";
import { type ActionResult, unsafeForm } from "@/lib/action-result";
import { acknowledgeAlert } from "@/lib/server/alerts/alerts";
import { requireActor } from "@/lib/server/auth/current-actor";
import { flashResult } from "@/lib/server/flash";
import { runFormAction } from "@/lib/server/form-action";
import { ACK_FIELDS } from "./ack-fields";

// An acknowledged alert leaves the open list, and its form with it: the confirmation is also
// a flash. A refusal keeps the comment typed, worded with the form's label (decision 012).
export async function acknowledgeAlertAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const r = await runFormAction(() => acknowledgeAlert(actor, String(form.get("id") ?? ""), { comment: String(form.get("comment") ?? "") }), () => "Alert acknowledged: it moves to the Acknowledged tab with your comment.", ["/alerts"], { data: form, specs: ACK_FIELDS, field: "comment" });
  return flashResult({ ok: r.ok, message: r.message, fieldErrors: r.fieldErrors, values: r.values });
}
