"use server";
import { revalidatePath } from "next/cache";
import { type ActionResult, unsafeForm } from "@/lib/action-result";
import { formError, formValues } from "@/lib/forms/form-result";
import type { FieldSpecs } from "@/lib/forms/issue-words";
import { requireActor } from "@/lib/server/auth/current-actor";
import { flashResult } from "@/lib/server/flash";
import { addCrosswalk, mapControl, removeCrosswalk, setApplicability, unmapControl } from "@/lib/server/posture/frameworks/mappings";
import { APPLICABILITY_FIELDS, CROSSWALK_FIELDS, MAPPING_FIELDS } from "./mapping-fields";

// Each action: authenticate, hand the raw input to one lib/server function, map errors; a
// refusal sends back what was typed, worded with the form's labels (decision 012).
async function run<T>(form: FormData, specs: FieldSpecs, fn: (actor: Awaited<ReturnType<typeof requireActor>>, s: (k: string) => string | undefined) => Promise<T>, message: string): Promise<ActionResult<T>> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe as ActionResult<T>;
  try {
    const actor = await requireActor();
    const r = await fn(actor, (k) => { const v = form.get(k); return typeof v === "string" ? v : undefined; });
    revalidatePath("/posture", "layout");
    return { ok: true, message, data: r };
  } catch (e) {
    return formError(e, formValues(form), specs);
  }
}

export async function mapControlAction(_: unknown, form: FormData) {
  return run(form, MAPPING_FIELDS, (a, s) => mapControl(a, { controlId: s("controlId"), requirementId: s("requirementId"), rationale: s("rationale") }), "Mapping saved: the control now counts towards this requirement's coverage.");
}
// The row holding the button is gone once the page re-renders: its confirmation is also a flash.
export async function unmapControlAction(_: unknown, form: FormData) {
  return flashResult(await run(form, MAPPING_FIELDS, (a, s) => unmapControl(a, { controlId: s("controlId"), requirementId: s("requirementId") }), "Mapping removed: the control no longer counts towards this requirement. Map it again from the requirement if that was a mistake."));
}
export async function applicabilityAction(_: unknown, form: FormData) {
  const applicable = form.get("applicable") === "true";
  return run(form, APPLICABILITY_FIELDS, (a, s) => setApplicability(a, { requirementId: s("requirementId"), applicable, reason: s("reason") }), applicable ? "Marked applicable: the requirement counts in the coverage again." : "Marked not applicable: the requirement is left out of the coverage, with your reason in the statement of applicability.");
}
export async function addCrosswalkAction(_: unknown, form: FormData) {
  return run(form, CROSSWALK_FIELDS, (a, s) => addCrosswalk(a, { fromId: s("fromId"), toId: s("toId"), relationship: s("relationship") || undefined, source: s("source") }), "Crosswalk added; it is listed below with its source. Remove it there if it was a mistake.");
}
export async function removeCrosswalkAction(_: unknown, form: FormData) {
  return flashResult(await run(form, CROSSWALK_FIELDS, (a, s) => removeCrosswalk(a, { id: s("id") }), "Crosswalk removed."));
}
