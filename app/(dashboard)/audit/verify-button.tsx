"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { verifyLogAction } from "./actions";

export function VerifyButton() {
  const [state, action, pending] = useActionState(verifyLogAction, null);
  const findings = state?.data?.findings ?? [];
  const notes = state?.data?.notes ?? [];
  return (
    <form action={action} className="flex max-w-xl flex-col items-end gap-2">
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? "Verifying…" : "Verify"}</Button>
      <FormMessage state={state} toast={false} />
      {findings.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-xs text-red-700" data-testid="verify-findings">
          {findings.map((f, i) => <li key={i}>seq {f.at}: {f.reason}</li>)}
        </ul>
      )}
      {notes.length > 0 && <ul className="space-y-1 text-xs text-slate-600">{notes.map((n, i) => <li key={i}>{n}</li>)}</ul>}
    </form>
  );
}
