"use client";
import { useActionState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FORM_TOKEN_FIELD } from "@/lib/forms/form-token-field";
import { Field, FormMessage, Input, Select } from "@/components/ui/field";
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
import { CheckboxGroup, fieldError, Section, TEXTAREA } from "./form-bits";

type Owner = { id: string; name: string; email: string };

const EMPTY: AssetInput = {
  name: "", description: null, ownerId: null, businessUnit: null, hosting: "cloud", hostingProvider: null, locations: [], dataCategories: [], subjectCategories: [],
  volumeBand: null, encryptionAtRest: "provider_managed", encryptionInTransit: "tls12_plus", accessControl: "rbac", mfaEnforced: false, loggingEnabled: false,
  lastPenTestAt: null, backup: "encrypted", retentionMonths: null, deletionMethod: "none", reviewIntervalMonths: 12, nextReviewAt: null,
};

function Options({ pairs }: { pairs: readonly (readonly [string, string])[] }) {
  return pairs.map(([c, l]) => <option key={c} value={c}>{l}</option>);
}

export function AssetForm({ owners, initial, id, version, formToken }: { owners: Owner[]; initial?: AssetInput; id?: string; version?: number; formToken?: string }) {
  const [state, action] = useActionState(saveAssetAction, null);
  const [pending, start] = useTransition();
  const v = initial ?? EMPTY;
  const err = (n: string) => fieldError(state, n);
  return (
    <form
      noValidate={false}
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        start(() => action(fd));
      }}
      className="space-y-5"
    >
      {id && <input type="hidden" name="id" value={id} />}
      {formToken && <input type="hidden" name={FORM_TOKEN_FIELD} value={formToken} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <Section title="System">
        <Field label="Name" error={err("name")}><Input name="name" required maxLength={200} defaultValue={v.name} invalid={!!err("name")} /></Field>
        <Field label="Owner" error={err("ownerId")} hint="The person accountable for this system.">
          <Select name="ownerId" defaultValue={v.ownerId ?? ""} invalid={!!err("ownerId")}>
            <option value="">— No owner —</option>
            {owners.map((o) => <option key={o.id} value={o.id}>{o.name} ({o.email})</option>)}
          </Select>
        </Field>
        <div className="sm:col-span-2">
          <Field label="Description" error={err("description")}><textarea name="description" rows={2} maxLength={2000} defaultValue={v.description ?? ""} className={TEXTAREA} /></Field>
        </div>
        <Field label="Business unit" error={err("businessUnit")}><Input name="businessUnit" maxLength={200} defaultValue={v.businessUnit ?? ""} /></Field>
        <Field label="Hosting" error={err("hosting")}><Select name="hosting" defaultValue={v.hosting}><Options pairs={HOSTING} /></Select></Field>
        <Field label="Provider / vendor" error={err("hostingProvider")}><Input name="hostingProvider" maxLength={200} defaultValue={v.hostingProvider ?? ""} placeholder="e.g. AWS eu-central-1, Salesforce" /></Field>
        <Field label="Locations" error={err("locations")} hint="ISO 3166 country codes, separated by commas (e.g. DE, IE, US).">
          <Input name="locations" defaultValue={v.locations.join(", ")} invalid={!!err("locations")} title="Two-letter country codes separated by commas, for example DE, IE, US" pattern="^\s*[A-Za-z]{2}(\s*[,; ]\s*[A-Za-z]{2})*\s*$|^\s*$" />
        </Field>
      </Section>

      <Section title="Personal data" description="Special categories (GDPR Art. 9) are shown in red; US breach-law categories are marked.">
        <CheckboxGroup
          legend="Data categories held"
          name="dataCategories"
          options={DATA_CATEGORIES.map((c) => ({ code: c.code, label: c.label, note: c.special ? (c.citation?.includes("Art. 10") ? "Art. 10" : "Art. 9") : c.us ? "US" : undefined }))}
          selected={v.dataCategories}
          error={err("dataCategories")}
          highlight={(code) => DATA_CATEGORIES.find((c) => c.code === code)?.special ?? false}
        />
        <CheckboxGroup legend="Data subjects" name="subjectCategories" options={SUBJECT_CATEGORIES.map(([code, label]) => ({ code, label }))} selected={v.subjectCategories} error={err("subjectCategories")} />
        <Field label="Volume" error={err("volumeBand")}>
          <Select name="volumeBand" defaultValue={v.volumeBand ?? ""}><option value="">Unknown</option><Options pairs={VOLUME_BANDS} /></Select>
        </Field>
      </Section>

      <Section title="Security" description="Structured values: the breach engine reads them to decide whether leaked data was unintelligible.">
        <Field label="Encryption at rest" error={err("encryptionAtRest")}><Select name="encryptionAtRest" defaultValue={v.encryptionAtRest}><Options pairs={ENCRYPTION_AT_REST} /></Select></Field>
        <Field label="Encryption in transit" error={err("encryptionInTransit")}><Select name="encryptionInTransit" defaultValue={v.encryptionInTransit}><Options pairs={ENCRYPTION_IN_TRANSIT} /></Select></Field>
        <Field label="Access control" error={err("accessControl")}><Select name="accessControl" defaultValue={v.accessControl}><Options pairs={ACCESS_CONTROL_MODELS} /></Select></Field>
        <Field label="Backup" error={err("backup")}><Select name="backup" defaultValue={v.backup}><Options pairs={BACKUP_POLICIES} /></Select></Field>
        <Field label="Last penetration test" error={err("lastPenTestAt")}><Input type="date" name="lastPenTestAt" defaultValue={v.lastPenTestAt ?? ""} /></Field>
        <div className="flex flex-col justify-end gap-2 text-sm">
          <label className="flex items-center gap-2"><input type="checkbox" name="mfaEnforced" defaultChecked={v.mfaEnforced} /> MFA enforced</label>
          <label className="flex items-center gap-2"><input type="checkbox" name="loggingEnabled" defaultChecked={v.loggingEnabled} /> Logging / monitoring enabled</label>
        </div>
      </Section>

      <Section title="Retention and review">
        <Field label="Retention period (months)" error={err("retentionMonths")} hint="How long personal data is kept (GDPR Art. 5(1)(e)).">
          <Input type="number" name="retentionMonths" min={1} max={1200} defaultValue={v.retentionMonths ?? ""} invalid={!!err("retentionMonths")} />
        </Field>
        <Field label="Deletion method" error={err("deletionMethod")}><Select name="deletionMethod" defaultValue={v.deletionMethod}><Options pairs={DELETION_METHODS} /></Select></Field>
        <Field label="Review every (months)" error={err("reviewIntervalMonths")}><Input type="number" name="reviewIntervalMonths" min={1} max={36} defaultValue={v.reviewIntervalMonths} /></Field>
        <Field label="Next review" error={err("nextReviewAt")} hint="Leave empty to schedule one interval from today."><Input type="date" name="nextReviewAt" defaultValue={v.nextReviewAt ?? ""} /></Field>
      </Section>
      <p className="text-xs text-slate-500">AI systems that use this asset are linked from the AI system’s page (Oversight → AI systems); the asset page lists them.</p>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>{id ? "Save changes" : "Create asset"}</Button>
    </form>
  );
}
