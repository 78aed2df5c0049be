"use client";
import { ActionButton } from "@/components/forms/action-button";
import { ActionForm, FormStatus, SelectField, SubmitButton, TextField, useActionForm } from "@/components/forms/action-form";
import { FormMessage } from "@/components/ui/field";
import { createAiSystemAction, createModelVersionAction, modelVersionCommandAction, rotateSecretAction } from "../actions";
import { PolicyEditor } from "./policy-editor";
import { AI_SYSTEM_FIELDS, DEPLOYMENT_LABELS, MODEL_VERSION_FIELDS, RISK_TIER_LABELS } from "./registry-fields";

function Secret({ value }: { value: string }) {
  return <p className="break-all rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-white" data-testid="callback-secret">{value}</p>;
}

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function CreateAiSystemForm() {
  const form = useActionForm(createAiSystemAction, AI_SYSTEM_FIELDS);
  return (
    <ActionForm form={form} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField form={form} name="name" required />
        <TextField form={form} name="owner" placeholder="team or person accountable" />
        <SelectField form={form} name="riskTier" initial="high" options={options(RISK_TIER_LABELS)} />
        <SelectField form={form} name="deploymentStatus" initial="development" options={options(DEPLOYMENT_LABELS)} />
      </div>
      <TextField form={form} name="purpose" required placeholder="what it decides, for whom" />
      <FormStatus form={form} />
      {form.state?.ok && form.state.data && <Secret value={form.state.data.callbackSecret} />}
      <SubmitButton pending={form.pending}>Register system</SubmitButton>
    </ActionForm>
  );
}

export function CreateModelVersionForm({ aiSystemId }: { aiSystemId: string }) {
  const form = useActionForm(createModelVersionAction, MODEL_VERSION_FIELDS);
  return (
    <ActionForm form={form} className="space-y-2">
      <input type="hidden" name="aiSystemId" value={aiSystemId} />
      <div className="grid gap-2 sm:grid-cols-3">
        <TextField form={form} name="version" required />
        <TextField form={form} name="artifactSha256" required className="font-mono" hint="64 hex characters, e.g. from sha256sum" />
        <TextField form={form} name="trainingDataRef" />
      </div>
      <TextField form={form} name="notes" />
      <FormStatus form={form} />
      <SubmitButton pending={form.pending} variant="secondary">Add version</SubmitButton>
    </ActionForm>
  );
}

export function VersionCommand({ aiSystemId, versionId, command }: { aiSystemId: string; versionId: string; command: "approve" | "retire" }) {
  // The button goes once the version's state changes; its action also flashes the confirmation.
  return (
    <ActionButton action={modelVersionCommandAction} fields={{ aiSystemId, versionId, command }} variant={command === "approve" ? "primary" : "ghost"} className="text-xs" formClassName="inline-flex flex-col items-start gap-1">
      {command === "approve" ? "Approve" : "Retire"}
    </ActionButton>
  );
}

/** The escalation policy's structured editor (rows, summary, JSON tab): policy-editor.tsx. */
export const PolicyForm = PolicyEditor;

export function RotateSecretForm({ aiSystemId }: { aiSystemId: string }) {
  // One press, one new secret: a second press while the first runs is dropped by the pattern.
  const form = useActionForm(rotateSecretAction);
  return (
    <ActionForm form={form} className="space-y-2" aria-label="Rotate the callback secret">
      <input type="hidden" name="aiSystemId" value={aiSystemId} />
      <FormMessage state={form.state} />
      {form.state?.ok && form.state.data && <Secret value={form.state.data.callbackSecret} />}
      <SubmitButton variant="ghost" className="text-xs" pending={form.pending}>Rotate callback secret</SubmitButton>
    </ActionForm>
  );
}
