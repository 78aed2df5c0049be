"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { requestResetAction, resetPasswordAction } from "./actions";

const BOX = "space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm";

export function ForgotForm() {
  const [state, action, pending] = useActionState(requestResetAction, null);
  return (
    <form action={action} className={BOX}>
      <Field label="Email" error={state?.fieldErrors?.email}>
        <Input name="email" type="email" autoComplete="email" required />
      </Field>
      <FormMessage state={state} toast={false} />
      <Button type="submit" disabled={pending}>Send reset link</Button>
      <p className="text-sm"><a className="text-indigo-600 hover:underline" href="/login">Back to sign in</a></p>
    </form>
  );
}

export function ResetForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  if (state?.ok) {
    return (
      <div className={BOX}>
        <FormMessage state={state} toast={false} />
        <p className="text-sm"><a className="text-indigo-600 hover:underline" href="/login">Sign in</a></p>
      </div>
    );
  }
  return (
    <form action={action} className={BOX}>
      <input type="hidden" name="token" value={token} />
      <Field label="New password" error={state?.fieldErrors?.newPassword} hint="At least 12 characters.">
        <Input name="newPassword" type="password" autoComplete="new-password" minLength={12} required />
      </Field>
      <FormMessage state={state} toast={false} />
      <Button type="submit" disabled={pending}>Set new password</Button>
    </form>
  );
}
