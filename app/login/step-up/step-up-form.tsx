"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { stepUpAction } from "./actions";

export function StepUpForm() {
  const [state, action, pending] = useActionState(stepUpAction, null);
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-label="Second factor">
      <Field label="Authentication code" hint="The 6-digit code from your authenticator app, or a recovery code." error={state?.ok === false ? state.fieldErrors?.code : undefined}>
        <Input name="code" inputMode="numeric" autoComplete="one-time-code" required autoFocus />
      </Field>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="w-full">{pending ? "Checking…" : "Verify and continue"}</Button>
    </form>
  );
}
