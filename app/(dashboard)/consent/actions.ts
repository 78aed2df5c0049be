"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { archivePurpose, restorePurpose } from "@/lib/server/consent/lifecycle";
import { createPurpose, publishNoticeVersion, setPurposeRetention } from "@/lib/server/consent/purposes";
import { archiveFormAction } from "@/lib/server/lifecycle/archive-action";
import { runConsentRetention, type RetentionReport } from "@/lib/server/consent/retention";
import { findSubject, revealSubjectIdentifier } from "@/lib/server/consent/subjects";

// Each action: authenticate, hand the raw input to one lib/server function (which checks
// permission and validates), map errors. No business logic here.
const optionalDays = (v: FormDataEntryValue | null) => (v === null || String(v).trim() === "" ? null : Number(v));

export async function createPurposeAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  try {
    const notice = String(form.get("noticeText") ?? "").trim();
    const description = String(form.get("description") ?? "").trim();
    const p = await createPurpose(actor, {
      key: form.get("key"),
      title: form.get("title"),
      lawfulBasis: form.get("lawfulBasis"),
      saleOrShare: form.get("saleOrShare") === "on",
      ...(description ? { description } : {}),
      ...(notice ? { noticeText: notice } : {}),
      evidenceRetentionDays: optionalDays(form.get("evidenceRetentionDays")),
    });
    revalidatePath("/consent");
    return { ok: true, message: `Purpose ${p.key} created${p.currentNoticeVersion ? " with notice version 1" : ""}.` };
  } catch (e) {
    return actionError(e);
  }
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
    return actionError(e);
  }
}

export async function setRetentionAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  try {
    const p = await setPurposeRetention(actor, { purposeKey: form.get("purposeKey"), evidenceRetentionDays: optionalDays(form.get("evidenceRetentionDays")) });
    revalidatePath(`/consent/purposes/${p.key}`);
    return { ok: true, message: p.evidenceRetentionDays ? `Evidence is kept ${p.evidenceRetentionDays} days.` : "Evidence is kept without a limit." };
  } catch (e) {
    return actionError(e);
  }
}

export async function findSubjectAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  let ref: string | null = null;
  try {
    ref = (await findSubject(actor, form.get("identifier")))?.ref ?? null;
  } catch (e) {
    return actionError(e);
  }
  if (!ref) return { ok: false, message: "No consent events are recorded for this identifier. Check it is exact (identifiers are matched exactly, case included)." };
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
