"use client";
import { ActionForm, FormStatus, SubmitButton, TextField, useActionForm } from "@/components/forms/action-form";
import { PASSWORD_FIELDS } from "../admin/admin-fields";
import { changePasswordAction } from "./actions";

// Passwords are never sent back: after a refusal both are typed again; the error says why.
export function PasswordForm() {
  const form = useActionForm(changePasswordAction, PASSWORD_FIELDS);
  return (
    <ActionForm form={form} className="space-y-3">
      <TextField form={form} name="currentPassword" type="password" autoComplete="current-password" required />
      <TextField form={form} name="newPassword" type="password" autoComplete="new-password" minLength={12} required hint="At least 12 characters." />
      <FormStatus form={form} />
      <SubmitButton pending={form.pending}>Change password</SubmitButton>
    </ActionForm>
  );
}
