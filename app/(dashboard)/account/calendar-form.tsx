"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { regenerateCalendarAction, revokeCalendarAction } from "./actions";

export function CalendarFeedForm({ active, since }: { active: boolean; since: string | null }) {
  const [state, regenerate, pending] = useActionState(regenerateCalendarAction, null);
  const [revokeState, revoke, revoking] = useActionState(revokeCalendarAction, null);
  return (
    <div className="space-y-3">
      {active && since && <p className="text-sm text-slate-700">A subscription URL exists since {new Date(since).toUTCString()}.</p>}
      {state?.ok && state.data && (
        <p className="break-all rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-white" data-testid="calendar-url" aria-label="Calendar subscription URL">{state.data.url}</p>
      )}
      <FormMessage state={state ?? revokeState} />
      <div className="flex gap-2">
        <form action={regenerate}>
          <Button type="submit" disabled={pending}>{active ? "Regenerate URL" : "Create subscription URL"}</Button>
        </form>
        {active && (
          <form action={revoke}>
            <Button type="submit" variant="danger" disabled={revoking}>Revoke</Button>
          </form>
        )}
      </div>
    </div>
  );
}
