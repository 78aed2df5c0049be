"use client";
// Each button is its own form of the pattern, posting its server action itself (so both work
// without JavaScript); a client function choosing between them could not be posted.
import type { ReactNode } from "react";
import { ActionForm, FormStatus, SubmitButton, useActionForm } from "@/components/forms/action-form";
import { regenerateCalendarAction, revokeCalendarAction } from "./actions";

export function CalendarFeedForm({ active, since }: { active: boolean; since: ReactNode }) {
  const regenerate = useActionForm(regenerateCalendarAction);
  const revoke = useActionForm(revokeCalendarAction);
  // The URL is shown once, right after it was made; a revoke that followed hides it (the page says inactive).
  const url = active && regenerate.state?.ok ? regenerate.state.data?.url : undefined;
  return (
    <div className="space-y-3">
      {active && since && <p className="text-sm text-slate-700">A subscription URL exists since {since}.</p>}
      {url && <p className="break-all rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-white" data-testid="calendar-url" aria-label="Calendar subscription URL">{url}</p>}
      <FormStatus form={regenerate} />
      <FormStatus form={revoke} />
      <div className="flex gap-2">
        <ActionForm form={regenerate}>
          <SubmitButton pending={regenerate.pending} disabled={revoke.pending}>{active ? "Regenerate URL" : "Create subscription URL"}</SubmitButton>
        </ActionForm>
        {/* Kept in the page when inactive (hidden), so its confirmation outlives the button. */}
        <ActionForm form={revoke} hidden={!active}>
          <SubmitButton pending={revoke.pending} disabled={regenerate.pending} variant="danger">Revoke</SubmitButton>
        </ActionForm>
      </div>
    </div>
  );
}
