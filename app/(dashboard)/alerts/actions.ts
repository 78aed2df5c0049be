"use server";
import { revalidatePath } from "next/cache";
import { actionError, unsafeForm, type ActionResult } from "@/lib/action-result";
import { acknowledgeAlert } from "@/lib/server/alerts/alerts";
import { requireActor } from "@/lib/server/auth/current-actor";

export async function acknowledgeAlertAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  try {
    const actor = await requireActor();
    await acknowledgeAlert(actor, String(form.get("id") ?? ""), { comment: String(form.get("comment") ?? "") });
    revalidatePath("/alerts");
    return { ok: true, message: "Alert acknowledged." };
  } catch (e) {
    return actionError(e);
  }
}
