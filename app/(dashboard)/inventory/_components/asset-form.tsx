"use client";
// The asset form on the one form pattern (docs/decisions/012-one-form-pattern.md): what was
// typed survives a refusal, errors are worded next to their field, one submit at a time.
import type { ReactNode } from "react";
import { ActionForm, CheckboxField, FormStatus, SelectField, SubmitButton, TextAreaField, TextField, useActionForm } from "@/components/forms/action-form";
import { Field, Select } from "@/components/ui/field";
import { FORM_TOKEN_FIELD } from "@/lib/forms/form-token-field";
import {
  ACCESS_CONTROL_MODELS,
  BACKUP_POLICIES,
  DATA_CATEGORIES,
  DELETION_METHODS,
  ENCRYPTION_AT_REST,
  ENCRYPTION_IN_TRANSIT,
  HOSTING,
  SUBJECT_CATEGORIES,
  VOLUME_BANDS,
} from "@/lib/inventory/catalogue";
import type { AssetInput } from "@/lib/validation/inventory";
import { saveAssetAction } from "../actions";
import { CheckboxGroup, Section, options } from "./form-bits";
import { ASSET_FIELDS } from "./inventory-fields";

type Owner = { id: string; name: string; email: string };

const EMPTY: AssetInput = {
  name: "", description: null, ownerId: null, businessUnit: null, hosting: "cloud", hostingProvider: null, locations: [], dataCategories: [], subjectCategories: [],
  volumeBand: null, encryptionAtRest: "provider_managed", encryptionInTransit: "tls12_plus", accessControl: "rbac", mfaEnforced: false, loggingEnabled: false,
  lastPenTestAt: null, backup: "encrypted", retentionMonths: null, deletionMethod: "none", reviewIntervalMonths: 12, nextReviewAt: null,
};

export function AssetForm({ owners, initial, id, version, formToken }: { owners: Owner[]; initial?: AssetInput; id?: string; version?: number; formToken?: string }) {
  const form = useActionForm(saveAssetAction, ASSET_FIELDS);
  const v = initial ?? EMPTY;
  const span2 = (children: ReactNode) => <div className="sm:col-span-2">{children}</div>;
  return (
    <ActionForm form={form} className="space-y-5">
      {id && <input type="hidden" name="id" value={id} />}
      {formToken && <input type="hidden" name={FORM_TOKEN_FIELD} value={formToken} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <Section title="System">
        <TextField form={form} name="name" required maxLength={200} initial={v.name} />
        <Field label={form.label("ownerId")} error={form.error("ownerId")} hint="The person accountable for this system.">
          <Select name="ownerId" defaultValue={form.value("ownerId", v.ownerId) ?? ""} invalid={!!form.error("ownerId")}>
            <option value="">— No owner —</option>
            {owners.map((o) => <option key={o.id} value={o.id}>{o.name} ({o.email})</option>)}
          </Select>
        </Field>
        {span2(<TextAreaField form={form} name="description" rows={2} maxLength={2000} initial={v.description} />)}
        <TextField form={form} name="businessUnit" maxLength={200} initial={v.businessUnit} />
        <SelectField form={form} name="hosting" initial={v.hosting} options={options(HOSTING)} />
        <TextField form={form} name="hostingProvider" maxLength={200} initial={v.hostingProvider} placeholder="e.g. AWS eu-central-1, Salesforce" />
        <TextField form={form} name="locations" initial={v.locations.join(", ")} hint="ISO 3166 country codes, separated by commas (e.g. DE, IE, US)." title="Two-letter country codes separated by commas, for example DE, IE, US" />
      </Section>

      <Section title="Personal data" description="Special categories (GDPR Art. 9) are shown in red; US breach-law categories are marked.">
        <CheckboxGroup
          legend={form.label("dataCategories")}
          name="dataCategories"
          options={DATA_CATEGORIES.map((c) => ({ code: c.code, label: c.label, note: c.special ? (c.citation?.includes("Art. 10") ? "Art. 10" : "Art. 9") : c.us ? "US" : undefined }))}
          selected={form.list("dataCategories", v.dataCategories)}
          error={form.error("dataCategories")}
          highlight={(code) => DATA_CATEGORIES.find((c) => c.code === code)?.special ?? false}
        />
        <CheckboxGroup legend={form.label("subjectCategories")} name="subjectCategories" options={SUBJECT_CATEGORIES.map(([code, label]) => ({ code, label }))} selected={form.list("subjectCategories", v.subjectCategories)} error={form.error("subjectCategories")} />
        <SelectField form={form} name="volumeBand" initial={v.volumeBand ?? ""} options={[{ value: "", label: "Unknown" }, ...options(VOLUME_BANDS)]} />
      </Section>

      <Section title="Security" description="Structured values: the breach engine reads them to decide whether leaked data was unintelligible.">
        <SelectField form={form} name="encryptionAtRest" initial={v.encryptionAtRest} options={options(ENCRYPTION_AT_REST)} />
        <SelectField form={form} name="encryptionInTransit" initial={v.encryptionInTransit} options={options(ENCRYPTION_IN_TRANSIT)} />
        <SelectField form={form} name="accessControl" initial={v.accessControl} options={options(ACCESS_CONTROL_MODELS)} />
        <SelectField form={form} name="backup" initial={v.backup} options={options(BACKUP_POLICIES)} />
        <TextField form={form} name="lastPenTestAt" type="date" initial={v.lastPenTestAt} />
        <div className="flex flex-col justify-end gap-2 text-sm">
          <CheckboxField form={form} name="mfaEnforced" initial={v.mfaEnforced}>MFA enforced</CheckboxField>
          <CheckboxField form={form} name="loggingEnabled" initial={v.loggingEnabled}>Logging / monitoring enabled</CheckboxField>
        </div>
      </Section>

      <Section title="Retention and review">
        <TextField form={form} name="retentionMonths" type="number" min={1} max={1200} initial={v.retentionMonths} hint="How long personal data is kept (GDPR Art. 5(1)(e))." />
        <SelectField form={form} name="deletionMethod" initial={v.deletionMethod} options={options(DELETION_METHODS)} />
        <TextField form={form} name="reviewIntervalMonths" type="number" min={1} max={36} initial={v.reviewIntervalMonths} />
        <TextField form={form} name="nextReviewAt" type="date" initial={v.nextReviewAt} hint="Leave empty to schedule one interval from today." />
      </Section>
      <p className="text-xs text-slate-500">AI systems that use this asset are linked from the AI system’s page (Oversight → AI systems); the asset page lists them.</p>
      <FormStatus form={form} />
      <SubmitButton pending={form.pending}>{id ? "Save changes" : "Create asset"}</SubmitButton>
    </ActionForm>
  );
}
