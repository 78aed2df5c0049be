"use server";
import { revalidatePath } from "next/cache";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import { beginMfaEnrolment, confirmMfaEnrolment, regenerateRecoveryCodes } from "@/lib/server/auth/mfa";
import { createOwnApiKey } from "@/lib/server/api-keys/create-api-key";
import { requireActor } from "@/lib/server/auth/current-actor";
import { regenerateCalendarToken, revokeCalendarToken } from "@/lib/server/calendar/tokens";
import { changeOwnPassword } from "@/lib/server/users/change-password";
import { runFormAction } from "@/lib/server/form-action";
import { API_KEY_FIELDS, MFA_CODE_FIELDS, PASSWORD_FIELDS, RECOVERY_FIELDS, SECRET_FIELDS } from "../admin/admin-fields";

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
  const actor = await requireActor({ allowMfaEnrolment: true });
  return runFormAction(() => confirmMfaEnrolment(actor, form.get("code"), form.get("currentPassword")), () => "Multi-factor authentication is on.", [], { data: form, specs: MFA_CODE_FIELDS, omit: SECRET_FIELDS, field: "code" });
}

export async function regenerateCodesAction(_: unknown, form: FormData): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  return runFormAction(() => regenerateRecoveryCodes(actor, form.get("code")), () => "New recovery codes created; the old ones no longer work.", [], { data: form, specs: RECOVERY_FIELDS, omit: SECRET_FIELDS, field: "code" });
}

export async function changePasswordAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor({ allowMfaEnrolment: true });
  const r = await runFormAction(
    () => changeOwnPassword(actor, { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") }),
    (r) => `Password changed. ${r.otherSessionsEnded} other session${r.otherSessionsEnded === 1 ? "" : "s"} signed out.`,
    [],
    { data: form, specs: PASSWORD_FIELDS, omit: SECRET_FIELDS },
  );
  return { ...r, data: undefined };
}

export async function createOwnApiKeyAction(_: unknown, form: FormData): Promise<ActionResult<{ key: string }>> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const r = await runFormAction(() => createOwnApiKey(actor, { name: form.get("name"), scopes: form.getAll("scopes").map(String) }), () => "Key created. Copy it now: it is shown only once.", [], { data: form, specs: API_KEY_FIELDS });
  return { ...r, data: r.data ? { key: r.data.key } : undefined };
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
