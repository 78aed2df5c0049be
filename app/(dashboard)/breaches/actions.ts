"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { flash, flashResult } from "@/lib/server/flash";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { assertSafeInput } from "@/lib/validation/safe-input";
import { formError, formValues } from "@/lib/forms/form-result";
import type { FieldSpecs } from "@/lib/forms/issue-words";
import { requireActor } from "@/lib/server/auth/current-actor";
import { addTimelineEntry } from "@/lib/server/breaches/add-timeline-entry";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { searchLinkableAssets } from "@/lib/server/breaches/incident-assets";
import { markObligationSent, setObligationStatus, updateObligationChecklist } from "@/lib/server/breaches/track-obligation";
import { updateIncident } from "@/lib/server/breaches/update-incident";
import type { IncidentAssetDto } from "@/lib/validation/breaches";
import { SENT_FIELDS, STATUS_FIELDS, TIMELINE_FIELDS } from "./_components/obligation-fields";
import { INCIDENT_FIELDS } from "./_components/wizard-fields";

// Thin actions: authenticate, hand the raw input to one lib/server function, map errors.
function payload(form: FormData): unknown {
  let value: unknown;
  try {
    value = JSON.parse(String(form.get("payload") ?? "null"));
  } catch {
    throw new AppError("BAD_REQUEST", "The form could not be read; reload the page and try again.");
  }
  // The form's own text is checked by unsafeForm, but JSON escapes (\ud800, \u0000) only
  // become lone surrogates and NUL characters here; the database driver would fail on them.
  assertSafeInput(value);
  return value;
}

const str = (form: FormData, k: string) => String(form.get(k) ?? "");

export async function createIncidentAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  let id: string;
  try {
    id = (await createIncident(actor, payload(form))).id;
  } catch (e) {
    return formError(e, formValues(form), INCIDENT_FIELDS);
  }
  revalidatePath("/breaches");
  await flash("Incident recorded; its notification deadlines are below.");
  redirect(`/breaches/${id}`);
}

export async function updateIncidentAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const id = str(form, "incidentId");
  try {
    await updateIncident(actor, id, payload(form));
  } catch (e) {
    return formError(e, formValues(form), INCIDENT_FIELDS);
  }
  revalidatePath(`/breaches/${id}`);
  return { ok: true, message: "Saved. Open obligations were recomputed; sent and closed ones were kept." };
}

// A refusal names the field by its form label with the value typed (decision 012).
async function obligationRun(form: FormData, fn: (incidentId: string, obligationId: string) => Promise<unknown>, message: string, specs: FieldSpecs = {}): Promise<ActionResult> {
  const incidentId = str(form, "incidentId");
  try {
    await fn(incidentId, str(form, "obligationId"));
    revalidatePath(`/breaches/${incidentId}`);
    return { ok: true, message };
  } catch (e) {
    return formError(e, formValues(form), specs);
  }
}

export async function markSentAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  // The form leaves the page once the notice is sent, and its result with it: also a flash.
  return flashResult(await obligationRun(form, (i, o) => markObligationSent(actor, i, o, payload(form)), "Recorded as sent: it is on the timeline, and a notice that follows from this one now shows its deadline.", SENT_FIELDS));
}

export async function setStatusAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const status = str(form, "status");
  const input = status === "open" ? { status } : { status, reason: str(form, "reason") };
  return obligationRun(form, (i, o) => setObligationStatus(actor, i, o, input), status === "open" ? "Re-opened." : "Status saved.", STATUS_FIELDS);
}

export async function checklistAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const n = Number(form.get("count") ?? 0);
  const done = Array.from({ length: Math.min(50, Math.max(0, n)) }, (_, i) => form.get(`item-${i}`) === "on");
  return obligationRun(form, (i, o) => updateObligationChecklist(actor, i, o, { done }), "Checklist saved.");
}

export async function timelineAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const incidentId = str(form, "incidentId");
  try {
    await addTimelineEntry(actor, incidentId, payload(form));
    revalidatePath(`/breaches/${incidentId}`);
    return { ok: true, message: "Added to the timeline." };
  } catch (e) {
    return formError(e, formValues(form), TIMELINE_FIELDS);
  }
}

/** The wizard's asset picker: inventory assets by name, with their encryption at rest. */
export async function searchAssetsAction(q: string): Promise<ActionResult<IncidentAssetDto[]>> {
  const actor = await requireActor();
  try {
    return { ok: true, data: await searchLinkableAssets(actor, q) };
  } catch (e) {
    return actionError(e);
  }
}
