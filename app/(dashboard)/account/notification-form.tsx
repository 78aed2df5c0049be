"use client";
import { ActionForm, CheckboxField, FormStatus, SubmitButton, useActionForm } from "@/components/forms/action-form";
import { KIND_LABELS, NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import { saveNotificationsAction } from "./notification-actions";

export function NotificationForm({ disabled, digest }: { disabled: NotificationKind[]; digest: boolean }) {
  const form = useActionForm(saveNotificationsAction);
  const enabled = form.list("enabled", NOTIFICATION_KINDS.filter((k) => !disabled.includes(k)));
  return (
    <ActionForm form={form} className="space-y-3">
      <fieldset className="space-y-1.5">
        <legend className="mb-1 text-sm font-medium text-slate-800">Email me when</legend>
        {NOTIFICATION_KINDS.map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="enabled" value={k} defaultChecked={enabled.includes(k)} className="h-4 w-4 rounded border-slate-300" />
            {KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      <CheckboxField form={form} name="digest" initial={digest}>A daily digest of my items (sent once a day from 07:00 in the organisation&apos;s time zone)</CheckboxField>
      <FormStatus form={form} />
      <SubmitButton pending={form.pending}>Save notification settings</SubmitButton>
    </ActionForm>
  );
}
