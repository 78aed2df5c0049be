"use client";
import { useState } from "react";
import { ActionForm, CheckboxField, FormStatus, SelectField, SubmitButton, TextAreaField, TextField, useActionForm } from "@/components/forms/action-form";
import { FORM_TOKEN_FIELD } from "@/lib/forms/form-token-field";
import { Field, Input, Select } from "@/components/ui/field";
import {
  ACTIVITY_ROLES,
  ART9_CONDITIONS,
  DATA_CATEGORIES,
  DPIA_STATUSES,
  LAWFUL_BASES,
  RECIPIENT_KINDS,
  SUBJECT_CATEGORIES,
  TRANSFER_SAFEGUARDS,
} from "@/lib/inventory/catalogue";
import type { ActivityInput } from "@/lib/validation/inventory";
import { saveActivityAction } from "../actions";
import { CheckboxGroup, options, Section } from "./form-bits";
import { ACTIVITY_FIELDS } from "./inventory-fields";

type Purpose = { purpose: string; lawfulBasis: string | null };
type Recipient = { name: string; kind: string };
type Transfer = { country: string; recipient: string | null; safeguard: string };

const EMPTY: ActivityInput = {
  name: "", description: null, role: "controller", controllerName: "", controllerContact: null, jointControllers: null, representative: null, dpoContact: null,
  onBehalfOf: null, purposes: [{ purpose: "", lawfulBasis: null }], art9Condition: null, subjectCategories: [], dataCategories: [], recipients: [], transfers: [],
  erasureTimeLimit: null, securityMeasures: null, dpiaRequired: false, dpiaStatus: "not_started", assetIds: [], reviewIntervalMonths: 12, nextReviewAt: null,
};

function Options({ pairs }: { pairs: readonly (readonly [string, string])[] }) {
  return pairs.map(([c, l]) => <option key={c} value={c}>{l}</option>);
}

function RowButton({ onClick, children, label }: { onClick: () => void; children: string; label: string }) {
  return <button type="button" onClick={onClick} aria-label={label} className="text-sm text-indigo-700 hover:underline">{children}</button>;
}

export function ActivityForm({ assets, initial, id, version, defaultController, formToken }: { assets: { id: string; name: string }[]; initial?: ActivityInput; id?: string; version?: number; defaultController?: string; formToken?: string }) {
  const form = useActionForm(saveActivityAction, ACTIVITY_FIELDS);
  const v = initial ?? { ...EMPTY, controllerName: defaultController ?? "" };
  const [role, setRole] = useState(v.role);
  const [purposes, setPurposes] = useState<Purpose[]>(v.purposes.length ? v.purposes : [{ purpose: "", lawfulBasis: null }]);
  const [recipients, setRecipients] = useState<Recipient[]>(v.recipients);
  const [transfers, setTransfers] = useState<Transfer[]>(v.transfers);
  const err = form.error;
  const upd = <T,>(list: T[], set: (l: T[]) => void, i: number, patch: Partial<T>) => set(list.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  return (
    // The rows (purposes, recipients, transfers) and the role are state here, above the
    // form that ActionForm re-mounts, so they survive a refusal as typed.
    <ActionForm form={form} className="space-y-5">
      {id && <input type="hidden" name="id" value={id} />}
      {formToken && <input type="hidden" name={FORM_TOKEN_FIELD} value={formToken} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <input type="hidden" name="purposes" value={JSON.stringify(purposes.filter((p) => p.purpose.trim() || p.lawfulBasis))} />
      <input type="hidden" name="recipients" value={JSON.stringify(recipients.filter((r) => r.name.trim()))} />
      <input type="hidden" name="transfers" value={JSON.stringify(transfers.filter((t) => t.country.trim()).map((t) => ({ ...t, country: t.country.trim().toUpperCase(), recipient: t.recipient || null })))} />

      <Section title="Processing activity">
        <TextField form={form} name="name" required maxLength={200} initial={v.name} />
        <Field label={form.label("role")} error={err("role")}>
          <Select name="role" value={role} onChange={(e) => setRole(e.target.value as ActivityInput["role"])} invalid={!!err("role")}><Options pairs={ACTIVITY_ROLES} /></Select>
        </Field>
        <div className="sm:col-span-2">
          <TextAreaField form={form} name="description" rows={2} maxLength={2000} initial={v.description} />
        </div>
      </Section>

      <Section title="Art. 30(1)(a) — who" description={role === "processor" ? "Art. 30(2)(a): the processor (us) and each controller we act for." : "Name and contact details of the controller and, where applicable, joint controller, representative and DPO."}>
        <Field label={role === "processor" ? "Processor (our organisation)" : form.label("controllerName")} error={err("controllerName")}><Input name="controllerName" required maxLength={200} defaultValue={form.value("controllerName", v.controllerName)} invalid={!!err("controllerName")} /></Field>
        <TextField form={form} name="controllerContact" maxLength={500} initial={v.controllerContact} />
        {role === "processor" && <TextField form={form} name="onBehalfOf" maxLength={500} initial={v.onBehalfOf} />}
        <TextField form={form} name="jointControllers" maxLength={500} initial={v.jointControllers} />
        <TextField form={form} name="representative" maxLength={500} initial={v.representative} />
        <TextField form={form} name="dpoContact" maxLength={500} initial={v.dpoContact} />
      </Section>

      <fieldset className="rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold">Art. 30(1)(b) — purposes and lawful basis (Art. 6(1))</legend>
        <div className="space-y-2">
          {purposes.map((p, i) => (
            <div key={i} className="grid gap-2 sm:grid-cols-[1fr_18rem_auto]">
              <Input aria-label={`Purpose ${i + 1}`} value={p.purpose} onChange={(e) => upd(purposes, setPurposes, i, { purpose: e.target.value })} placeholder="e.g. Pay salaries" invalid={!!err(`purposes.${i}.purpose`)} />
              <Select aria-label={`Lawful basis ${i + 1}`} invalid={!!err(`purposes.${i}.lawfulBasis`)} value={p.lawfulBasis ?? ""} onChange={(e) => upd(purposes, setPurposes, i, { lawfulBasis: e.target.value || null })}>
                <option value="">— No lawful basis chosen —</option>
                <Options pairs={LAWFUL_BASES} />
              </Select>
              <RowButton label={`Remove purpose ${i + 1}`} onClick={() => setPurposes(purposes.filter((_, j) => j !== i))}>Remove</RowButton>
            </div>
          ))}
          <RowButton label="Add purpose" onClick={() => setPurposes([...purposes, { purpose: "", lawfulBasis: null }])}>+ Add purpose</RowButton>
          {err("purposes") && <p role="alert" className="text-xs text-red-600">{err("purposes")}</p>}
        </div>
      </fieldset>

      <Section title="Art. 30(1)(c) — data subjects and personal data">
        <CheckboxGroup legend="Categories of data subjects" name="subjectCategories" options={SUBJECT_CATEGORIES.map(([code, label]) => ({ code, label }))} selected={form.list("subjectCategories", v.subjectCategories)} error={err("subjectCategories")} />
        <CheckboxGroup
          legend="Categories of personal data"
          name="dataCategories"
          options={DATA_CATEGORIES.map((c) => ({ code: c.code, label: c.label, note: c.special ? (c.citation?.includes("Art. 10") ? "Art. 10" : "Art. 9") : c.us ? "US" : undefined }))}
          selected={form.list("dataCategories", v.dataCategories)}
          error={err("dataCategories")}
          highlight={(code) => DATA_CATEGORIES.find((c) => c.code === code)?.special ?? false}
        />
        <Field label="Art. 9(2) condition (when special categories are processed)" error={err("art9Condition")}>
          <Select name="art9Condition" defaultValue={form.value("art9Condition", v.art9Condition) ?? ""} invalid={!!err("art9Condition")}><option value="">— None —</option><Options pairs={ART9_CONDITIONS} /></Select>
        </Field>
      </Section>

      <fieldset className="rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold">Art. 30(1)(d) — recipients</legend>
        <div className="space-y-2">
          {recipients.map((r, i) => (
            <div key={i} className="grid gap-2 sm:grid-cols-[1fr_14rem_auto]">
              <Input aria-label={`Recipient ${i + 1}`} invalid={!!err(`recipients.${i}`)} value={r.name} onChange={(e) => upd(recipients, setRecipients, i, { name: e.target.value })} />
              <Select aria-label={`Recipient ${i + 1} kind`} value={r.kind} onChange={(e) => upd(recipients, setRecipients, i, { kind: e.target.value })}><Options pairs={RECIPIENT_KINDS} /></Select>
              <RowButton label={`Remove recipient ${i + 1}`} onClick={() => setRecipients(recipients.filter((_, j) => j !== i))}>Remove</RowButton>
            </div>
          ))}
          <RowButton label="Add recipient" onClick={() => setRecipients([...recipients, { name: "", kind: "processor" }])}>+ Add recipient</RowButton>
          {err("recipients") && <p role="alert" className="text-xs text-red-600">{err("recipients")}</p>}
        </div>
      </fieldset>

      <fieldset className="rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold">Art. 30(1)(e) — transfers to third countries</legend>
        <div className="space-y-2">
          {transfers.map((t, i) => (
            <div key={i} className="grid gap-2 sm:grid-cols-[6rem_1fr_18rem_auto]">
              <Input aria-label={`Transfer ${i + 1} country`} value={t.country} maxLength={2} placeholder="US" onChange={(e) => upd(transfers, setTransfers, i, { country: e.target.value })} invalid={!!err(`transfers.${i}`)} />
              <Input aria-label={`Transfer ${i + 1} recipient`} value={t.recipient ?? ""} placeholder="Recipient" onChange={(e) => upd(transfers, setTransfers, i, { recipient: e.target.value })} />
              <Select aria-label={`Transfer ${i + 1} safeguard`} value={t.safeguard} onChange={(e) => upd(transfers, setTransfers, i, { safeguard: e.target.value })}><Options pairs={TRANSFER_SAFEGUARDS} /></Select>
              <RowButton label={`Remove transfer ${i + 1}`} onClick={() => setTransfers(transfers.filter((_, j) => j !== i))}>Remove</RowButton>
            </div>
          ))}
          <RowButton label="Add transfer" onClick={() => setTransfers([...transfers, { country: "", recipient: null, safeguard: "none" }])}>+ Add transfer</RowButton>
          {err("transfers") && <p role="alert" className="text-xs text-red-600">{err("transfers")}</p>}
        </div>
      </fieldset>

      <Section title="Art. 30(1)(f)-(g), DPIA and systems">
        <TextField form={form} name="erasureTimeLimit" maxLength={500} initial={v.erasureTimeLimit} placeholder="e.g. 10 years after employment ends" />
        <div className="flex flex-col gap-2 text-sm">
          <CheckboxField form={form} name="dpiaRequired" initial={v.dpiaRequired}>DPIA required (Art. 35)</CheckboxField>
          <SelectField form={form} name="dpiaStatus" initial={v.dpiaStatus} options={options(DPIA_STATUSES)} />
        </div>
        <div className="sm:col-span-2">
          <TextAreaField form={form} name="securityMeasures" rows={3} maxLength={4000} initial={v.securityMeasures} />
        </div>
        <CheckboxGroup legend={form.label("assetIds")} name="assetIds" options={assets.map((a) => ({ code: a.id, label: a.name }))} selected={form.list("assetIds", v.assetIds)} error={err("assetIds")} />
        <TextField form={form} name="reviewIntervalMonths" type="number" min={1} max={36} initial={v.reviewIntervalMonths} />
        <TextField form={form} name="nextReviewAt" type="date" initial={v.nextReviewAt} hint="Leave empty to schedule one interval from today." />
      </Section>
      <FormStatus form={form} />
      <SubmitButton pending={form.pending}>{id ? "Save changes" : "Create processing activity"}</SubmitButton>
    </ActionForm>
  );
}
