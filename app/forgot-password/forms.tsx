"use client";
import { ActionForm, SubmitButton, TextField, useActionForm } from "@/components/forms/action-form";
import { FormMessage } from "@/components/ui/field";
import { requestResetAction, resetPasswordAction } from "./actions";
import { FORGOT_FIELDS, RESET_FIELDS } from "./reset-fields";

const BOX = "space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm";

// On the form pattern (decision 012). The answers are the page's message itself (what
// happens next), so they stay inline rather than as toasts (decision 016).
export function ForgotForm() {
  const form = useActionForm(requestResetAction, FORGOT_FIELDS);
  return (
    <ActionForm form={form} className={BOX} aria-label="Ask for a reset link">
      <TextField form={form} name="email" type="email" autoComplete="email" required />
      <FormMessage state={form.state} toast={false} />
      <SubmitButton pending={form.pending}>Send reset link</SubmitButton>
      <p className="text-sm"><a className="text-indigo-600 hover:underline" href="/login">Back to sign in</a></p>
    </ActionForm>
  );
}

export function ResetForm({ token }: { token: string }) {
  const form = useActionForm(resetPasswordAction, RESET_FIELDS);
  if (form.state?.ok) {
    return (
      <div className={BOX}>
        <FormMessage state={form.state} toast={false} />
        <p className="text-sm"><a className="text-indigo-600 hover:underline" href="/login">Sign in</a></p>
      </div>
    );
  }
  // The password is never sent back (RESET_SECRETS): after a refusal it is typed again.
  return (
    <ActionForm form={form} className={BOX}>
      <input type="hidden" name="token" value={token} />
      <TextField form={form} name="newPassword" type="password" autoComplete="new-password" minLength={12} required hint="At least 12 characters." />
      <FormMessage state={form.state} toast={false} />
      <SubmitButton pending={form.pending}>Set new password</SubmitButton>
    </ActionForm>
  );
}
