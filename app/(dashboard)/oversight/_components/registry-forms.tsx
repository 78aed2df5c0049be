"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Select } from "@/components/ui/field";
import { createAiSystemAction, createModelVersionAction, modelVersionCommandAction, putPolicyAction, rotateSecretAction } from "../actions";

function Secret({ value }: { value: string }) {
  return <p className="break-all rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-white" data-testid="callback-secret">{value}</p>;
}

export function CreateAiSystemForm() {
  const [state, action, pending] = useActionState(createAiSystemAction, null);
  return (
    <form action={action} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" error={state?.fieldErrors?.name}><Input name="name" required /></Field>
        <Field label="Owner" error={state?.fieldErrors?.owner}><Input name="owner" placeholder="team or person accountable" /></Field>
        <Field label="Risk tier (EU AI Act)" error={state?.fieldErrors?.riskTier}>
          <Select name="riskTier" defaultValue="high">
            <option value="high">High (Annex III)</option>
            <option value="limited">Limited (transparency duties)</option>
            <option value="minimal">Minimal</option>
            <option value="prohibited">Prohibited (Art. 5)</option>
          </Select>
        </Field>
        <Field label="Deployment">
          <Select name="deploymentStatus" defaultValue="development">
            <option value="development">Development</option>
            <option value="production">Production</option>
            <option value="retired">Retired</option>
          </Select>
        </Field>
      </div>
      <Field label="Purpose" error={state?.fieldErrors?.purpose}><Input name="purpose" required placeholder="what it decides, for whom" /></Field>
      <FormMessage state={state} />
      {state?.ok && state.data && <Secret value={state.data.callbackSecret} />}
      <Button type="submit" disabled={pending}>Register system</Button>
    </form>
  );
}

export function CreateModelVersionForm({ aiSystemId }: { aiSystemId: string }) {
  const [state, action, pending] = useActionState(createModelVersionAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="aiSystemId" value={aiSystemId} />
      <div className="grid gap-2 sm:grid-cols-3">
        <Field label="Version" error={state?.fieldErrors?.version}><Input name="version" required /></Field>
        <Field label="Artifact SHA-256" error={state?.fieldErrors?.artifactSha256}><Input name="artifactSha256" required className="font-mono" /></Field>
        <Field label="Training data" error={state?.fieldErrors?.trainingDataRef}><Input name="trainingDataRef" /></Field>
      </div>
      <Field label="Evaluation notes (incl. fairness)" error={state?.fieldErrors?.notes}><Input name="notes" /></Field>
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>Add version</Button>
    </form>
  );
}

export function VersionCommand({ aiSystemId, versionId, command }: { aiSystemId: string; versionId: string; command: "approve" | "retire" }) {
  const [state, action, pending] = useActionState(modelVersionCommandAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="aiSystemId" value={aiSystemId} />
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="command" value={command} />
      <Button type="submit" variant={command === "approve" ? "primary" : "ghost"} className="text-xs" disabled={pending}>{command === "approve" ? "Approve" : "Retire"}</Button>
      {state && !state.ok && <span role="alert" className="ml-2 text-xs text-red-600">{state.message}</span>}
    </form>
  );
}

export function PolicyForm({ aiSystemId, rules, allowAdminReview }: { aiSystemId: string; rules: unknown[]; allowAdminReview: boolean }) {
  const [state, action, pending] = useActionState(putPolicyAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="aiSystemId" value={aiSystemId} />
      <Field label="Rules (JSON, first match wins)" error={state?.fieldErrors?.rules} hint='e.g. [{"when":{"amountAbove":50000},"action":"review","approvals":2,"slaHours":4,"onTimeout":"escalate"},{"when":{"impact":"low"},"action":"auto_accept"}]. No match: review with one approval. A timeout never approves.'>
        <textarea name="rules" rows={6} defaultValue={JSON.stringify(rules, null, 2)} className="block w-full rounded-md border-0 px-2.5 py-1.5 font-mono text-xs shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600" />
      </Field>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="allowAdminReview" defaultChecked={allowAdminReview} /> Admins and compliance officers may review too</label>
      {state && !state.ok && state.fieldErrors && Object.keys(state.fieldErrors).length > 0 && (
        <ul className="text-xs text-red-600">{Object.entries(state.fieldErrors).map(([k, v]) => <li key={k}>{k}: {v}</li>)}</ul>
      )}
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>Save policy</Button>
    </form>
  );
}

export function RotateSecretForm({ aiSystemId }: { aiSystemId: string }) {
  const [state, action, pending] = useActionState(rotateSecretAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="aiSystemId" value={aiSystemId} />
      <FormMessage state={state} />
      {state?.ok && state.data && <Secret value={state.data.callbackSecret} />}
      <Button type="submit" variant="ghost" className="text-xs" disabled={pending}>Rotate callback secret</Button>
    </form>
  );
}
