"use server";
import { revalidatePath } from "next/cache";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import { formError, formValues } from "@/lib/forms/form-result";
import type { FieldSpecs } from "@/lib/forms/issue-words";
import { requireActor } from "@/lib/server/auth/current-actor";
import { requestTimeZone } from "@/lib/server/time/org-zone";
import { formatInZone } from "@/lib/time/format";
import { createChecklist } from "@/lib/server/posture/checklists";
import { createControl, updateControl } from "@/lib/server/posture/controls";
import { archiveFormAction } from "@/lib/server/lifecycle/archive-action";
import { archiveControl, restoreControl } from "@/lib/server/posture/lifecycle";
import { overrideControl } from "@/lib/server/posture/override-control";
import { reviewControl, type EvidenceUpload } from "@/lib/server/posture/review-control";
import { takeSnapshot } from "@/lib/server/posture/snapshots";
import { CHECKLIST_FIELDS, CONTROL_FIELDS, OVERRIDE_FIELDS, REVIEW_FIELDS } from "./_components/posture-fields";

// Each action: authenticate, hand the raw input to one lib/server function (which checks
// permission and validates), map errors. No business logic here.
// A refusal names the field by its form label with the value typed (decision 012).
async function run<T>(fn: () => Promise<T>, message: (r: T) => string, form?: { data: FormData; specs: FieldSpecs }): Promise<ActionResult<T>> {
  try {
    const r = await fn();
    revalidatePath("/posture", "layout");
    revalidatePath("/");
    return { ok: true, message: message(r), data: r };
  } catch (e) {
    return form ? formError(e, formValues(form.data), form.specs) : actionError(e);
  }
}

const str = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v : undefined;
};

export async function reviewControlAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const files: EvidenceUpload[] = [];
  for (const f of form.getAll("files")) {
    if (f instanceof File && f.size > 0) files.push({ name: f.name, type: f.type, bytes: new Uint8Array(await f.arrayBuffer()) });
  }
  const links = (str(form, "links") ?? "").split(/\s+/).map((l) => l.trim()).filter(Boolean);
  // Files uploaded ahead with a progress bar arrive as the ids of their staged uploads.
  const uploadIds = form.getAll("uploadId").filter((v): v is string => typeof v === "string" && /^[a-z0-9]{10,40}$/.test(v));
  const zone = await requestTimeZone();
  return run(
    () => reviewControl(actor, { controlId: str(form, "controlId"), checklistId: str(form, "checklistId"), status: str(form, "status"), comment: str(form, "comment"), naReason: str(form, "naReason"), links, evidenceExpiresAt: str(form, "evidenceExpiresAt") }, files, uploadIds),
    (r) => `Review saved${r.evidence.length ? ` with ${r.evidence.length} file${r.evidence.length === 1 ? "" : "s"}` : ""}. Next review due ${formatInZone(r.nextReviewAt, zone, "date")}.`,
    { data: form, specs: REVIEW_FIELDS },
  );
}

export async function overrideControlAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  return run(
    () => overrideControl(actor, { controlId: str(form, "controlId"), status: str(form, "status") ?? "", reason: str(form, "reason") }),
    (r) => (r.overrideStatus ? "Override saved; the automated result no longer decides this control." : "Override cleared; the automated test decides again."),
    { data: form, specs: OVERRIDE_FIELDS },
  );
}

export async function updateControlAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  return run(
    () => updateControl(actor, { controlId: str(form, "controlId"), title: str(form, "title"), description: str(form, "description"), owner: str(form, "owner"), frequencyDays: str(form, "frequencyDays"), weight: str(form, "weight"), expectedVersion: str(form, "version") }),
    () => "Control updated.",
    { data: form, specs: CONTROL_FIELDS },
  );
}

export async function createChecklistAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  return run(
    () => createChecklist(actor, { name: str(form, "name"), description: str(form, "description"), controlIds: form.getAll("controlIds").map(String) }),
    (r) => `Checklist "${r.name}" created.`,
    { data: form, specs: CHECKLIST_FIELDS },
  );
}

export async function takeSnapshotAction() {
  const actor = await requireActor();
  return run(
    () => takeSnapshot(actor),
    (r) => `Tests run and today's snapshot taken: overall ${r.scores.overall ?? "n/a"}${r.counts.failingTests ? `, ${r.counts.failingTests} failing test${r.counts.failingTests === 1 ? "" : "s"}` : ""}.`,
  );
}

export async function createControlAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const fields = ["id", "title", "description", "area", "citation", "owner", "frequencyDays", "weight", "manualCheck"] as const;
  return run(() => createControl(actor, Object.fromEntries(fields.map((k) => [k, str(form, k)]))), (r) => `Control ${r.id} added to the catalogue.`, { data: form, specs: CONTROL_FIELDS });
}

export async function archiveControlAction(_: unknown, form: FormData): Promise<ActionResult> {
  return archiveFormAction(form, { archive: archiveControl, restore: restoreControl }, "/posture", {
    archived: "Archived: the control is out of the catalogue, the score and the checklists; its reviews are kept.",
    restored: "Restored: the control counts in the score again.",
  });
}
