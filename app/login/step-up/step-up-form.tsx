"use client";
import { ActionForm, FormStatus, SubmitButton, TextField, useActionForm } from "@/components/forms/action-form";
import { stepUpAction } from "./actions";
import { STEP_UP_FIELDS } from "./step-up-fields";

// On the form pattern (decision 012); the code is never echoed back (STEP_UP_SECRETS), so a
// refused code is typed again.
export function StepUpForm() {
  const form = useActionForm(stepUpAction, STEP_UP_FIELDS);
  return (
    <ActionForm form={form} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-label="Second factor">
      <TextField form={form} name="code" inputMode="numeric" autoComplete="one-time-code" required autoFocus hint="The 6-digit code from your authenticator app, or a recovery code." />
      <FormStatus form={form} />
      <SubmitButton pending={form.pending} className="w-full">{form.pending ? "Checking" : "Verify and continue"}</SubmitButton>
    </ActionForm>
  );
}
