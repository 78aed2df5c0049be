"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Select } from "@/components/ui/field";
import type { OrganisationProfileDto } from "@/lib/validation/organisation";
import { saveOrganisationProfileAction } from "./organisation-action";

const FLAGS = [
  ["listedInUS", "US-listed company (SEC Form 8-K Item 1.05)"],
  ["doraFinancialEntity", "Financial entity under DORA"],
  ["nydfsCovered", "Regulated by the NY Department of Financial Services (23 NYCRR 500)"],
  ["ftcSafeguardsFinancialInstitution", "Financial institution under the FTC Safeguards Rule"],
  ["phrVendor", "Vendor of personal health records (FTC Health Breach Notification Rule)"],
  ["californiaLicensedHealthFacility", "California licensed clinic or health facility (H&S Code 1280.15)"],
] as const;

export function OrganisationProfileForm({ profile }: { profile: OrganisationProfileDto }) {
  const [state, action, pending] = useActionState(saveOrganisationProfileAction, null);
  return (
    <form action={action} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Legal name"><Input name="legalName" defaultValue={profile.legalName} required /></Field>
        <Field label="Time zone (IANA)" hint="Day-based deadlines are counted in it, e.g. Europe/Dublin"><Input name="timeZone" defaultValue={profile.timeZone} required /></Field>
        <Field label="DPO or contact point: name"><Input name="dpoName" defaultValue={profile.dpo.name} /></Field>
        <Field label="DPO e-mail"><Input name="dpoEmail" type="email" defaultValue={profile.dpo.email} /></Field>
        <Field label="DPO telephone"><Input name="dpoPhone" defaultValue={profile.dpo.phone} /></Field>
        <Field label="DPO postal address"><Input name="dpoAddress" defaultValue={profile.dpo.address} /></Field>
        <Field label="EU/EEA main establishment" hint="ISO country code (e.g. IE); empty if none: GDPR then lists every concerned authority"><Input name="mainEstablishment" defaultValue={profile.mainEstablishment ?? ""} maxLength={2} /></Field>
        <Field label="NIS2 entity type">
          <Select name="nis2EntityType" defaultValue={profile.nis2?.entityType ?? ""}>
            <option value="">Not a NIS2 entity</option>
            <option value="essential">Essential entity</option>
            <option value="important">Important entity</option>
          </Select>
        </Field>
        <Field label="NIS2 Member States" hint="Comma-separated ISO codes, e.g. IE, DE"><Input name="nis2MemberStates" defaultValue={profile.nis2?.memberStates.join(", ") ?? ""} /></Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Sector regimes</legend>
        {FLAGS.map(([name, label]) => (
          <label key={name} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} defaultChecked={profile[name]} />
            {label}
          </label>
        ))}
      </fieldset>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>Save profile</Button>
    </form>
  );
}
