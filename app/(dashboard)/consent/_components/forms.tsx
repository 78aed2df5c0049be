"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Select } from "@/components/ui/field";
import { ActionForm, CheckboxField, FormStatus, SelectField, SubmitButton, TextAreaField, TextField, useActionForm } from "@/components/forms/action-form";
import { LAWFUL_BASES, LAWFUL_BASIS_LABELS } from "@/lib/validation/consent";
import { PURPOSE_FIELDS, PURPOSE_KEY_RULE, RETENTION_FIELDS } from "./purpose-fields";
import { createPurposeAction, findSubjectAction, publishNoticeAction, revealSubjectAction, runRetentionAction, setRetentionAction } from "../actions";

const TEXTAREA = "block w-full rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600";

export function SubjectSearchForm() {
  const [state, action, pending] = useActionState(findSubjectAction, null);
  return (
    <form action={action} className="space-y-3">
      <Field label="Subject identifier" error={state?.fieldErrors?.identifier} hint="The exact identifier your website or app sends (e.g. an email or customer id). Matched through a blind index; nothing is decrypted to search.">
        <Input name="identifier" required autoComplete="off" />
      </Field>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>Find subject</Button>
    </form>
  );
}

export function CreatePurposeForm() {
  const form = useActionForm(createPurposeAction, PURPOSE_FIELDS);
  return (
    <ActionForm form={form} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        {/* The pattern stays for on-screen keyboards and the tooltip; the server's refusal says the same in words. */}
        <TextField form={form} name="key" required pattern="[a-z][a-z0-9_]{1,63}" title={`The purpose key ${PURPOSE_KEY_RULE}`} hint={`Used by the API; ${PURPOSE_KEY_RULE}.`} autoComplete="off" spellCheck={false} />
        <TextField form={form} name="title" required />
        <SelectField form={form} name="lawfulBasis" initial="consent" options={LAWFUL_BASES.map((b) => ({ value: b, label: LAWFUL_BASIS_LABELS[b] }))} />
        <TextField form={form} name="evidenceRetentionDays" type="number" min={1} hint="Empty keeps evidence without a limit" />
      </div>
      <TextField form={form} name="description" />
      <CheckboxField form={form} name="saleOrShare">Sale or sharing of personal information (CCPA 1798.120: honours opt-outs and GPC)</CheckboxField>
      <TextAreaField form={form} name="noticeText" rows={3} hint="Hashed (SHA-256) and dated; later changes become new versions." />
      <FormStatus form={form} />
      <SubmitButton pending={form.pending}>Create purpose</SubmitButton>
    </ActionForm>
  );
}

export function PublishNoticeForm({ purposeKey }: { purposeKey: string }) {
  const [state, action, pending] = useActionState(publishNoticeAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="purposeKey" value={purposeKey} />
      <Field label="New notice text" error={state?.fieldErrors?.text}><textarea name="text" rows={4} required className={TEXTAREA} /></Field>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>Publish new version</Button>
    </form>
  );
}

export function RetentionForm({ purposeKey, days }: { purposeKey: string; days: number | null }) {
  const form = useActionForm(setRetentionAction, RETENTION_FIELDS);
  return (
    <ActionForm form={form} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="purposeKey" value={purposeKey} />
      <TextField form={form} name="evidenceRetentionDays" type="number" min={1} initial={days} hint="Empty keeps evidence without a limit" />
      <SubmitButton pending={form.pending} variant="secondary">Save</SubmitButton>
      <div className="w-full"><FormStatus form={form} /></div>
    </ActionForm>
  );
}

export function RevealIdentifier({ subjectRef }: { subjectRef: string }) {
  const [state, action, pending] = useActionState(revealSubjectAction, null);
  if (state?.ok && state.data) return <span className="font-mono text-sm" data-testid="subject-identifier">{state.data.identifier}</span>;
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="ref" value={subjectRef} />
      <span className="font-mono text-sm text-slate-500">••••••••</span>
      <Button type="submit" variant="secondary" className="text-xs" disabled={pending}>Reveal identifier</Button>
      {state && !state.ok && <span role="alert" className="text-xs text-red-600">{state.message}</span>}
    </form>
  );
}

export function RetentionRun({ canPurge, expired }: { canPurge: boolean; expired: number }) {
  const [state, action, pending] = useActionState(runRetentionAction, null);
  const [sure, setSure] = useState(false);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      {canPurge && expired > 0 && (
        <>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="confirm" value="yes" checked={sure} onChange={(e) => setSure(e.target.checked)} />
            I confirm: remove the {expired} evidence record{expired === 1 ? "" : "s"} past retention (user agents and IP hashes; the events stay)
          </label>
          <Button type="submit" variant="danger" disabled={pending || !sure}>Remove expired evidence</Button>
        </>
      )}
      {!(canPurge && expired > 0) && <Button type="submit" variant="secondary" disabled={pending}>Re-check now</Button>}
    </form>
  );
}
