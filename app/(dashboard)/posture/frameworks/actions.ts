"use server";
import { revalidatePath } from "next/cache";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { addCrosswalk, mapControl, removeCrosswalk, setApplicability, unmapControl } from "@/lib/server/posture/frameworks/mappings";

// Each action: authenticate, hand the raw input to one lib/server function, map errors.
async function run<T>(form: FormData, fn: (actor: Awaited<ReturnType<typeof requireActor>>, s: (k: string) => string | undefined) => Promise<T>, message: string): Promise<ActionResult<T>> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe as ActionResult<T>;
  try {
    const actor = await requireActor();
    const r = await fn(actor, (k) => { const v = form.get(k); return typeof v === "string" ? v : undefined; });
    revalidatePath("/posture", "layout");
    return { ok: true, message, data: r };
  } catch (e) {
    return actionError(e);
  }
}

export async function mapControlAction(_: unknown, form: FormData) {
  return run(form, (a, s) => mapControl(a, { controlId: s("controlId"), requirementId: s("requirementId"), rationale: s("rationale") }), "Mapping saved.");
}
export async function unmapControlAction(_: unknown, form: FormData) {
  return run(form, (a, s) => unmapControl(a, { controlId: s("controlId"), requirementId: s("requirementId") }), "Mapping removed.");
}
export async function applicabilityAction(_: unknown, form: FormData) {
  return run(form, (a, s) => setApplicability(a, { requirementId: s("requirementId"), applicable: s("applicable") === "true", reason: s("reason") }), "Applicability saved.");
}
export async function addCrosswalkAction(_: unknown, form: FormData) {
  return run(form, (a, s) => addCrosswalk(a, { fromId: s("fromId"), toId: s("toId"), relationship: s("relationship") || undefined, source: s("source") }), "Crosswalk added.");
}
export async function removeCrosswalkAction(_: unknown, form: FormData) {
  return run(form, (a, s) => removeCrosswalk(a, { id: s("id") }), "Crosswalk removed.");
}
