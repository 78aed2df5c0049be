"use client";
import { ActionForm, SubmitButton, useActionForm } from "@/components/forms/action-form";
import { FormMessage } from "@/components/ui/field";
import { verifyLogAction } from "./actions";

// Read-only, but on the form pattern all the same (decision 012): busy while the chain is
// checked, and a second press while it runs is dropped rather than verifying twice.
export function VerifyButton() {
  const form = useActionForm(verifyLogAction);
  const state = form.state;
  const findings = state?.data?.findings ?? [];
  const notes = state?.data?.notes ?? [];
  return (
    <ActionForm form={form} className="flex max-w-xl flex-col items-end gap-2" aria-label="Verify the audit log">
      <SubmitButton variant="secondary" pending={form.pending}>{form.pending ? "Verifying" : "Verify"}</SubmitButton>
      {/* The result is the answer itself, not a confirmation: inline, never a toast. */}
      <FormMessage state={state} toast={false} />
      {findings.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-xs text-red-700" data-testid="verify-findings">
          {findings.map((f, i) => <li key={i}>seq {f.at}: {f.reason}</li>)}
        </ul>
      )}
      {notes.length > 0 && <ul className="space-y-1 text-xs text-slate-600">{notes.map((n, i) => <li key={i}>{n}</li>)}</ul>}
    </ActionForm>
  );
}
