"use client";
import { ActionForm, CheckboxField, FormStatus, SelectField, SubmitButton, TextField, useActionForm } from "@/components/forms/action-form";
import type { OrganisationProfileDto } from "@/lib/validation/organisation";
import { ORGANISATION_FIELDS } from "./admin-fields";
import { saveOrganisationProfileAction } from "./organisation-action";

const FLAGS = [
  ["listedInUS", "US-listed company (SEC Form 8-K Item 1.05)"],
  ["doraFinancialEntity", "Financial entity under DORA"],
  ["nydfsCovered", "Regulated by the NY Department of Financial Services (23 NYCRR 500)"],
  ["ftcSafeguardsFinancialInstitution", "Financial institution under the FTC Safeguards Rule"],
  ["phrVendor", "Vendor of personal health records (FTC Health Breach Notification Rule)"],
  ["californiaLicensedHealthFacility", "California licensed clinic or health facility (H&S Code 1280.15)"],
] as const;

const NIS2_OPTIONS = [{ value: "", label: "Not a NIS2 entity" }, { value: "essential", label: "Essential entity" }, { value: "important", label: "Important entity" }];

export function OrganisationProfileForm({ profile }: { profile: OrganisationProfileDto }) {
  const form = useActionForm(saveOrganisationProfileAction, ORGANISATION_FIELDS);
  return (
    <ActionForm form={form} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField form={form} name="legalName" initial={profile.legalName} required />
        <TextField form={form} name="timeZone" initial={profile.timeZone} required hint="Day-based deadlines are counted in it, e.g. Europe/Dublin" />
        <TextField form={form} name="dpo.name" initial={profile.dpo.name} />
        <TextField form={form} name="dpo.email" type="email" initial={profile.dpo.email} />
        <TextField form={form} name="dpo.phone" initial={profile.dpo.phone} />
        <TextField form={form} name="dpo.address" initial={profile.dpo.address} />
        <TextField form={form} name="mainEstablishment" initial={profile.mainEstablishment} maxLength={2} hint="ISO country code (e.g. IE); empty if none: GDPR then lists every concerned authority" />
        <SelectField form={form} name="nis2.entityType" initial={profile.nis2?.entityType ?? ""} options={NIS2_OPTIONS} />
        <TextField form={form} name="nis2.memberStates" initial={profile.nis2?.memberStates.join(", ")} hint="Comma-separated ISO codes, e.g. IE, DE" />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Sector regimes</legend>
        {FLAGS.map(([name, label]) => <CheckboxField key={name} form={form} name={name} initial={profile[name]}>{label}</CheckboxField>)}
      </fieldset>
      <FormStatus form={form} />
      <SubmitButton pending={form.pending}>Save profile</SubmitButton>
    </ActionForm>
  );
}
