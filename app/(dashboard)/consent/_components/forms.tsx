"use client";
import { useState } from "react";
import { buttonRefusal } from "@/components/forms/action-button";
import { FormMessage } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/form-message";
import { ActionForm, CheckboxField, FormStatus, SelectField, SubmitButton, TextAreaField, TextField, useActionForm } from "@/components/forms/action-form";
import { LAWFUL_BASES, LAWFUL_BASIS_LABELS } from "@/lib/validation/consent";
import { NOTICE_FIELDS, PURPOSE_FIELDS, PURPOSE_KEY_RULE, RETENTION_FIELDS, SUBJECT_FIELDS } from "./purpose-fields";
import { createPurposeAction, findSubjectAction, publishNoticeAction, revealSubjectAction, runRetentionAction, setRetentionAction } from "../actions";

export function SubjectSearchForm() {
  // A search that finds nothing keeps the identifier typed, to correct it.
  const form = useActionForm(findSubjectAction, SUBJECT_FIELDS);
  return (
    <ActionForm form={form} className="space-y-3" aria-label="Find a subject">
      <TextField form={form} name="identifier" required autoComplete="off" hint="The exact identifier your website or app sends (e.g. an email or customer id). Matched through a blind index; nothing is decrypted to search." />
      <FormStatus form={form} />
      <SubmitButton pending={form.pending}>Find subject</SubmitButton>
    </ActionForm>
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
  const form = useActionForm(publishNoticeAction, NOTICE_FIELDS);
  return (
    <ActionForm form={form} className="space-y-3" aria-label="Publish a new notice version">
      <input type="hidden" name="purposeKey" value={purposeKey} />
      <TextAreaField form={form} name="text" rows={4} required />
      <FormStatus form={form} />
      <SubmitButton pending={form.pending}>Publish new version</SubmitButton>
    </ActionForm>
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
  const form = useActionForm(revealSubjectAction);
  const state = form.state;
  if (state?.ok && state.data) return <span className="font-mono text-sm" data-testid="subject-identifier">{state.data.identifier}</span>;
  return (
    <ActionForm form={form} className="inline-flex items-center gap-2">
      <input type="hidden" name="ref" value={subjectRef} />
      <span className="font-mono text-sm text-slate-500">••••••••</span>
      <SubmitButton variant="secondary" className="text-xs" pending={form.pending}>Reveal identifier</SubmitButton>
      <FormMessage state={buttonRefusal(state)} />
    </ActionForm>
  );
}

export function RetentionRun({ canPurge, expired }: { canPurge: boolean; expired: number }) {
  const form = useActionForm(runRetentionAction);
  const pending = form.pending;
  // Controlled, so the confirmation tick survives the pattern's re-mount after a refusal.
  const [sure, setSure] = useState(false);
  // Without JavaScript the button stays enabled: the server removes nothing unless the box is ticked.
  const hydrated = useHydrated();
  return (
    <ActionForm form={form} className="space-y-3" aria-label="Run the retention check">
      <FormStatus form={form} />
      {canPurge && expired > 0 && (
        <>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="confirm" value="yes" checked={sure} onChange={(e) => setSure(e.target.checked)} />
            I confirm: remove the {expired} evidence record{expired === 1 ? "" : "s"} past retention (user agents and IP hashes; the events stay)
          </label>
          <SubmitButton variant="danger" pending={pending} disabled={hydrated && !sure}>Remove expired evidence</SubmitButton>
        </>
      )}
      {!(canPurge && expired > 0) && <SubmitButton variant="secondary" pending={pending}>Re-check now</SubmitButton>}
    </ActionForm>
  );
}
