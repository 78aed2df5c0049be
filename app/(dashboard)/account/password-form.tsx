"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  return (
    <form action={action} className="space-y-3">
      <Field label="Current password" error={state?.fieldErrors?.currentPassword}>
        <Input name="currentPassword" type="password" autoComplete="current-password" required />
      </Field>
      <Field label="New password" error={state?.fieldErrors?.newPassword}>
        <Input name="newPassword" type="password" autoComplete="new-password" minLength={12} required />
      </Field>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>Change password</Button>
    </form>
  );
}
