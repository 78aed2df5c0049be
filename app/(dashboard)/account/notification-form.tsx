"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { KIND_LABELS, NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import { saveNotificationsAction } from "./notification-actions";

export function NotificationForm({ disabled, digest }: { disabled: NotificationKind[]; digest: boolean }) {
  const [state, action, pending] = useActionState(saveNotificationsAction, null);
  return (
    <form action={action} className="space-y-3">
      <fieldset className="space-y-1.5">
        <legend className="mb-1 text-sm font-medium text-slate-800">Email me when</legend>
        {NOTIFICATION_KINDS.map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="enabled" value={k} defaultChecked={!disabled.includes(k)} className="h-4 w-4 rounded border-slate-300" />
            {KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="digest" value="on" defaultChecked={digest} className="h-4 w-4 rounded border-slate-300" />
        A daily digest of my items (sent once a day from 07:00 in the organisation&apos;s time zone)
      </label>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>Save notification settings</Button>
    </form>
  );
}
