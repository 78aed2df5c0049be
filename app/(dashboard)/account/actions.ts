"use server";
import { revalidatePath } from "next/cache";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import { beginMfaEnrolment, confirmMfaEnrolment, regenerateRecoveryCodes } from "@/lib/server/auth/mfa";
import { createOwnApiKey } from "@/lib/server/api-keys/create-api-key";
import { requireActor } from "@/lib/server/auth/current-actor";
import { regenerateCalendarToken, revokeCalendarToken } from "@/lib/server/calendar/tokens";
import { changeOwnPassword } from "@/lib/server/users/change-password";

export async function startMfaAction(): Promise<ActionResult<{ qrDataUrl: string; secret: string }>> {
  try {
    const actor = await requireActor({ allowMfaEnrolment: true });
    const r = await beginMfaEnrolment(actor);
    return { ok: true, data: { qrDataUrl: r.qrDataUrl, secret: r.secret } };
  } catch (e) {
    return actionError(e);
  }
}

export async function confirmMfaAction(_: unknown, form: FormData): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  try {
    const actor = await requireActor({ allowMfaEnrolment: true });
    const r = await confirmMfaEnrolment(actor, form.get("code"), form.get("currentPassword"));
    return { ok: true, message: "Multi-factor authentication is on.", data: r };
  } catch (e) {
    return actionError(e);
  }
}

export async function regenerateCodesAction(_: unknown, form: FormData): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  try {
    const actor = await requireActor();
    const r = await regenerateRecoveryCodes(actor, form.get("code"));
    return { ok: true, message: "New recovery codes created; the old ones no longer work.", data: r };
  } catch (e) {
    return actionError(e);
  }
}

export async function changePasswordAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  try {
    const actor = await requireActor({ allowMfaEnrolment: true });
    const r = await changeOwnPassword(actor, { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") });
    return { ok: true, message: `Password changed. ${r.otherSessionsEnded} other session${r.otherSessionsEnded === 1 ? "" : "s"} signed out.` };
  } catch (e) {
    return actionError(e);
  }
}

export async function createOwnApiKeyAction(_: unknown, form: FormData): Promise<ActionResult<{ key: string }>> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  try {
    const actor = await requireActor();
    const r = await createOwnApiKey(actor, { name: form.get("name"), scopes: form.getAll("scopes").map(String) });
    return { ok: true, message: "Key created. Copy it now: it is shown only once.", data: { key: r.key } };
  } catch (e) {
    return actionError(e);
  }
}

export async function regenerateCalendarAction(): Promise<ActionResult<{ url: string }>> {
  try {
    const actor = await requireActor();
    const r = await regenerateCalendarToken(actor);
    revalidatePath("/account");
    return { ok: true, message: "Subscription URL created. Copy it now: it is shown only once, and any earlier URL no longer works.", data: r };
  } catch (e) {
    return actionError(e);
  }
}

export async function revokeCalendarAction(): Promise<ActionResult> {
  try {
    const actor = await requireActor();
    await revokeCalendarToken(actor);
    revalidatePath("/account");
    return { ok: true, message: "Calendar feed revoked; the URL now answers 404." };
  } catch (e) {
    return actionError(e);
  }
}
