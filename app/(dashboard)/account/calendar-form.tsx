"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { regenerateCalendarAction, revokeCalendarAction } from "./actions";
import type { ReactNode } from "react";

export function CalendarFeedForm({ active, since }: { active: boolean; since: ReactNode }) {
  // One state for both buttons, so the message and URL shown are those of the last one pressed.
  const [state, act, pending] = useActionState(
    async (_: unknown, form: FormData): Promise<ActionResult<{ url: string } | undefined>> => (form.get("intent") === "revoke" ? revokeCalendarAction() : regenerateCalendarAction()),
    null,
  );
  return (
    <div className="space-y-3">
      {active && since && <p className="text-sm text-slate-700">A subscription URL exists since {since}.</p>}
      {state?.ok && state.data?.url && (
        <p className="break-all rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-white" data-testid="calendar-url" aria-label="Calendar subscription URL">{state.data.url}</p>
      )}
      <FormMessage state={state} />
      <div className="flex gap-2">
        <form action={act}>
          <input type="hidden" name="intent" value="regenerate" />
          <Button type="submit" disabled={pending}>{active ? "Regenerate URL" : "Create subscription URL"}</Button>
        </form>
        {active && (
          <form action={act}>
            <input type="hidden" name="intent" value="revoke" />
            <Button type="submit" variant="danger" disabled={pending}>Revoke</Button>
          </form>
        )}
      </div>
    </div>
  );
}
