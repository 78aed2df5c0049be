"use server";
import { headers } from "next/headers";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import { requestIp } from "@/lib/server/request-ip";
import { requestPasswordReset, resetPassword } from "@/lib/server/users/password-reset";

export async function requestResetAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  try {
    const r = await requestPasswordReset({ email: form.get("email"), ip: requestIp(await headers()) });
    return { ok: true, message: r.message };
  } catch (e) {
    return actionError(e);
  }
}

export async function resetPasswordAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  try {
    await resetPassword({ token: form.get("token"), newPassword: form.get("newPassword"), ip: requestIp(await headers()) });
    return { ok: true, message: "Your password is changed and every session of yours is signed out. Sign in with the new password." };
  } catch (e) {
    return actionError(e);
  }
}
