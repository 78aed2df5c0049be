"use client";
// The framework page's mapping, applicability and crosswalk forms, on the one form pattern
// (docs/decisions/012): typed values kept after a refusal, errors in words next to their
// field, busy while sending, a toast on success.
import { ActionButton } from "@/components/forms/action-button";
import { ActionForm, FormStatus, SelectField, SubmitButton, TextField, useActionForm } from "@/components/forms/action-form";
import { addCrosswalkAction, applicabilityAction, mapControlAction, removeCrosswalkAction, unmapControlAction } from "./actions";
import { APPLICABILITY_FIELDS, CROSSWALK_FIELDS, MAPPING_FIELDS } from "./mapping-fields";

export function MapControlForm({ requirementId, controls }: { requirementId: string; controls: { id: string; title: string }[] }) {
  const form = useActionForm(mapControlAction, MAPPING_FIELDS);
  return (
    <ActionForm form={form} className="grid gap-2 sm:grid-cols-[1fr_2fr_auto] sm:items-end" aria-label={`Map a control to ${requirementId}`}>
      <input type="hidden" name="requirementId" value={requirementId} />
      <SelectField form={form} name="controlId" required initial="" options={[{ value: "", label: "Choose…" }, ...controls.map((c) => ({ value: c.id, label: `${c.id} — ${c.title}` }))]} />
      <TextField form={form} name="rationale" required minLength={3} maxLength={2000} />
      <SubmitButton pending={form.pending}>Map</SubmitButton>
      <div className="sm:col-span-3"><FormStatus form={form} /></div>
    </ActionForm>
  );
}

export function UnmapButton({ requirementId, controlId }: { requirementId: string; controlId: string }) {
  return (
    <ActionButton action={unmapControlAction} fields={{ requirementId, controlId }} variant="ghost" className="px-1 py-0 text-xs text-red-700 shadow-none hover:underline" label={`Unmap ${controlId}`} formClassName="inline-flex flex-col gap-1">
      unmap
    </ActionButton>
  );
}

export function ApplicabilityForm({ requirementId, notApplicable }: { requirementId: string; notApplicable: boolean }) {
  const form = useActionForm(applicabilityAction, APPLICABILITY_FIELDS);
  return (
    <ActionForm form={form} className="flex flex-wrap items-end gap-2" aria-label={`Applicability of ${requirementId}`}>
      <input type="hidden" name="requirementId" value={requirementId} />
      <input type="hidden" name="applicable" value={notApplicable ? "true" : "false"} />
      {!notApplicable && <TextField form={form} name="reason" required minLength={3} maxLength={2000} />}
      <SubmitButton pending={form.pending}>{notApplicable ? "Mark applicable" : "Mark not applicable"}</SubmitButton>
      <FormStatus form={form} />
    </ActionForm>
  );
}

export function CrosswalkForm({ frameworkId }: { frameworkId: string }) {
  const form = useActionForm(addCrosswalkAction, CROSSWALK_FIELDS);
  return (
    <ActionForm form={form} className="grid gap-2 sm:grid-cols-4 sm:items-end" aria-label="Add a crosswalk">
      <TextField form={form} name="fromId" required hint={`e.g. ${frameworkId}:…`} />
      <TextField form={form} name="toId" required />
      <TextField form={form} name="source" required />
      <SubmitButton pending={form.pending}>Add</SubmitButton>
      <div className="sm:col-span-4"><FormStatus form={form} /></div>
    </ActionForm>
  );
}

export function RemoveCrosswalkButton({ id }: { id: string }) {
  return (
    <ActionButton action={removeCrosswalkAction} fields={{ id }} variant="ghost" className="px-1 py-0 text-xs text-red-700 shadow-none hover:underline" formClassName="inline-flex flex-col gap-1">
      remove
    </ActionButton>
  );
}
