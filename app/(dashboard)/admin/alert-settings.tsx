"use client";
import { ActionForm, FormStatus, SubmitButton, TextField, useActionForm } from "@/components/forms/action-form";
import type { AlertThresholds } from "@/lib/alerts/rules";
import { ALERT_FIELDS } from "./admin-fields";
import { setAlertThresholdsAction } from "./alert-actions";

export function AlertSettingsForm({ thresholds, editable }: { thresholds: AlertThresholds; editable: boolean }) {
  const form = useActionForm(setAlertThresholdsAction, ALERT_FIELDS);
  return (
    <ActionForm form={form} className="grid gap-3 sm:grid-cols-2">
      {(Object.keys(ALERT_FIELDS) as (keyof AlertThresholds)[]).map((name) => (
        <TextField key={name} form={form} name={name} type="number" step="any" min={1} initial={thresholds[name]} disabled={!editable} required />
      ))}
      {editable && (
        <div className="sm:col-span-2">
          <SubmitButton pending={form.pending}>Save thresholds</SubmitButton>
          <FormStatus form={form} />
        </div>
      )}
    </ActionForm>
  );
}
