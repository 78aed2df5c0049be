"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import { formError, formValues, numberField } from "@/lib/forms/form-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { archivePurpose, restorePurpose } from "@/lib/server/consent/lifecycle";
import { createPurpose, publishNoticeVersion, setPurposeRetention } from "@/lib/server/consent/purposes";
import { archiveFormAction } from "@/lib/server/lifecycle/archive-action";
import { runConsentRetention, type RetentionReport } from "@/lib/server/consent/retention";
import { findSubject, revealSubjectIdentifier } from "@/lib/server/consent/subjects";
import { runFormWrite } from "@/lib/server/form-action";
import { createPurposeSchema, retentionSchema } from "@/lib/validation/consent";
import { NOTICE_FIELDS, PURPOSE_FIELDS, RETENTION_FIELDS, SUBJECT_FIELDS } from "./_components/purpose-fields";

// Each action: authenticate, hand the raw input to one lib/server function (which checks
// permission and validates), map errors. No business logic here.

export async function createPurposeAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const values = formValues(form);
  const notice = (values.noticeText ?? "").trim();
  const description = (values.description ?? "").trim();
  const r = await runFormWrite({
    actor,
    permission: "consent:write",
    entity: { type: "ConsentPurpose" },
    schema: createPurposeSchema,
    input: {
      key: values.key ?? "",
      title: values.title ?? "",
      lawfulBasis: values.lawfulBasis ?? "",
      saleOrShare: values.saleOrShare === "on",
      ...(description ? { description } : {}),
      ...(notice ? { noticeText: notice } : {}),
      evidenceRetentionDays: numberField(values.evidenceRetentionDays, null),
    },
    values,
    specs: PURPOSE_FIELDS,
    write: (input) => createPurpose(actor, input),
    message: (p) => `Purpose ${p.key} created${p.currentNoticeVersion ? " with notice version 1" : ""}.`,
    paths: ["/consent"],
  });
  return { ...r, data: undefined };
}

export async function publishNoticeAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  try {
    const p = await publishNoticeVersion(actor, form.get("purposeKey"), form.get("text"));
    revalidatePath(`/consent/purposes/${p.key}`);
    return { ok: true, message: `Notice version ${p.currentNoticeVersion} published.` };
  } catch (e) {
    return formError(e, formValues(form), NOTICE_FIELDS);
  }
}

export async function setRetentionAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const values = formValues(form);
  const r = await runFormWrite({
    actor,
    permission: "consent:write",
    entity: { type: "ConsentPurpose" },
    schema: retentionSchema,
    input: { purposeKey: values.purposeKey ?? "", evidenceRetentionDays: numberField(values.evidenceRetentionDays, null) },
    values,
    specs: RETENTION_FIELDS,
    write: (input) => setPurposeRetention(actor, input),
    message: (p) => (p.evidenceRetentionDays ? `Evidence is kept ${p.evidenceRetentionDays} days.` : "Evidence is kept without a limit."),
  });
  if (r.ok && r.data) revalidatePath(`/consent/purposes/${r.data.key}`);
  return { ...r, data: undefined };
}

export async function findSubjectAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  let ref: string | null = null;
  try {
    ref = (await findSubject(actor, form.get("identifier")))?.ref ?? null;
  } catch (e) {
    return formError(e, formValues(form), SUBJECT_FIELDS);
  }
  // The identifier stays in the field, so a typo can be corrected rather than typed again.
  if (!ref) return { ok: false, message: "No consent events are recorded for this identifier. Check it is exact (identifiers are matched exactly, case included).", values: formValues(form) };
  redirect(`/consent/subjects/${ref}`);
}

export async function revealSubjectAction(_: unknown, form: FormData): Promise<ActionResult<{ identifier: string }>> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  try {
    const identifier = await revealSubjectIdentifier(actor, String(form.get("ref") ?? ""));
    return { ok: true, data: { identifier } };
  } catch (e) {
    return actionError(e);
  }
}

export async function runRetentionAction(_: unknown, form: FormData): Promise<ActionResult<RetentionReport>> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  try {
    const confirm = form.get("confirm") === "yes";
    const r = await runConsentRetention(actor, { confirm });
    if (!r) return { ok: false, message: "The retention job is running on another instance; try again in a few minutes." };
    revalidatePath("/consent/retention");
    return { ok: true, data: r, message: confirm ? `Removed ${r.removed} evidence record${r.removed === 1 ? "" : "s"} past retention.` : `${r.totalExpired} evidence record${r.totalExpired === 1 ? " is" : "s are"} past retention.` };
  } catch (e) {
    return actionError(e);
  }
}

export async function archivePurposeAction(_: unknown, form: FormData): Promise<ActionResult> {
  return archiveFormAction(form, { archive: archivePurpose, restore: restorePurpose }, "/consent", {
    archived: "Archived: the purpose is out of the list and the rates; events for it are still recorded.",
    restored: "Restored: the purpose is back in the list and the rates.",
  });
}
