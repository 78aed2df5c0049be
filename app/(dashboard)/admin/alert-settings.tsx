"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import type { AlertThresholds } from "@/lib/alerts/rules";
import { setAlertThresholdsAction } from "./alert-actions";

const LABELS: Record<keyof AlertThresholds, string> = {
  failedSigninsPerAccount: "Failed sign-ins per account",
  failedSigninsPerIp: "Failed sign-ins per address",
  failedSigninsWindowMinutes: "… within minutes",
  exportFactor: "Exports: times the user's daily mean",
  exportMinimum: "Exports: at least per day",
  unusualHourMinHistory: "Unusual hours: sign-ins of history needed",
  permissionDeniedPerActor: "Permission denials per actor",
  permissionDeniedWindowMinutes: "… within minutes",
};

export function AlertSettingsForm({ thresholds, editable }: { thresholds: AlertThresholds; editable: boolean }) {
  const [state, action, pending] = useActionState(setAlertThresholdsAction, null);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      {(Object.keys(LABELS) as (keyof AlertThresholds)[]).map((name) => (
        <Field key={name} label={LABELS[name]} error={state?.fieldErrors?.[name]}>
          <Input name={name} type="number" step="any" min={1} defaultValue={thresholds[name]} disabled={!editable} required />
        </Field>
      ))}
      {editable && (
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>Save thresholds</Button>
          <FormMessage state={state} />
        </div>
      )}
    </form>
  );
}
