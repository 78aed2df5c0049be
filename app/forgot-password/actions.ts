"use server";
import { headers } from "next/headers";
import { type ActionResult, unsafeForm } from "@/lib/action-result";
import { formError, formValues } from "@/lib/forms/form-result";
import { requestIp } from "@/lib/server/request-ip";
import { requestPasswordReset, resetPassword } from "@/lib/server/users/password-reset";
import { FORGOT_FIELDS, RESET_FIELDS, RESET_SECRETS } from "./reset-fields";

export async function requestResetAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  try {
    const r = await requestPasswordReset({ email: form.get("email"), ip: requestIp(await headers()) });
    return { ok: true, message: r.message };
  } catch (e) {
    return formError(e, formValues(form), FORGOT_FIELDS);
  }
}

export async function resetPasswordAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  try {
    await resetPassword({ token: form.get("token"), newPassword: form.get("newPassword"), ip: requestIp(await headers()) });
    return { ok: true, message: "Your password is changed and every session of yours is signed out. Sign in with the new password." };
  } catch (e) {
    // Neither the token nor the password goes back into the page.
    return formError(e, formValues(form, RESET_SECRETS), RESET_FIELDS);
  }
}
