"use client";
// Steps 3 and 4 of the incident wizard (role and data; risk), split out of the wizard so
// each file does one job. They render from the wizard's state and write back through it.
import { Field, Input, Select } from "@/components/ui/field";
import { AI_INCIDENT_KINDS, type AiIncidentKind, type RiskLevel } from "@/lib/breaches/types";
import type { IncidentAssetDto } from "@/lib/validation/breaches";
import { AssetPicker } from "./asset-picker";
import { DataElementsField } from "./data-elements";
import { AI_KIND_LABELS, ROLE_OPTIONS, type SetField, type SetState, type WizardState } from "./wizard-state";

export function RoleAndDataStep({ s, set, setS, pickAssets }: { s: WizardState; set: SetField; setS: SetState; pickAssets: (next: IncidentAssetDto[]) => void }) {
  const personalAssets = s.assets.filter((a) => a.personalDataCategories.length > 0);
  const unencryptedAssets = personalAssets.filter((a) => !a.encryptedAtRest);
  return (
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">Your role and the data</legend>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={s.ownsData} onChange={(e) => set("ownsData", e.target.checked)} /> The data (and any AI system) is ours: we are controller / covered entity / provider</label>
        {!s.ownsData && (
          <div className="grid gap-2 sm:grid-cols-2">
            {ROLE_OPTIONS.map((r) => (
              <label key={r.value} className="flex items-start gap-2 rounded-md border border-slate-200 p-2 text-sm">
                <input type="checkbox" checked={s.roles.has(r.value)} onChange={(e) => { const next = new Set(s.roles); if (e.target.checked) next.add(r.value); else next.delete(r.value); set("roles", next); }} />
                <span><span className="font-medium">{r.label}</span><span className="block text-xs text-slate-500">{r.hint}</span></span>
              </label>
            ))}
          </div>
        )}
        <AssetPicker selected={s.assets} onChange={pickAssets} />
        {s.assets.length > 0 && (
          <Field label="Data categories" hint={s.categoriesPrefilled ? "Pre-filled from the linked assets' personal-data categories; edit as needed." : "Comma-separated"}>
            <Input value={s.categories} onChange={(e) => setS((p) => ({ ...p, categories: e.target.value, categoriesPrefilled: false }))} />
          </Field>
        )}
        <DataElementsField s={s} setS={setS} />
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={s.phi} onChange={(e) => setS((p) => ({ ...p, phi: e.target.checked, phiTouched: true }))} /> Protected health information (PHI) is involved</label>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={s.encrypted} onChange={(e) => setS((p) => ({ ...p, encrypted: e.target.checked, encryptedTouched: true }))} /> The data was unreadable to whoever got it (encrypted, and the keys were not compromised)</label>
        {s.encrypted && (
          <label className="ml-6 flex items-center gap-2 text-sm"><input type="checkbox" checked={s.keyCompromised} onChange={(e) => set("keyCompromised", e.target.checked)} /> &hellip;but the key or credential may have been taken too (most US state laws then require notice)</label>
        )}
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={s.harmNotLikely} onChange={(e) => set("harmNotLikely", e.target.checked)} /> A documented investigation found misuse or harm not reasonably likely (US state risk-of-harm exceptions, where a state has one)</label>
        {s.assets.length > 0 && (
          <div className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid="encryption-prefill">
            {s.encryptedTouched ? (
              <p>You answered this yourself; linking assets no longer changes it.</p>
            ) : personalAssets.length === 0 ? (
              <p>Pre-filled &ldquo;no&rdquo;: none of the linked assets records personal data, so the inventory gives no basis for the encryption safe harbour.</p>
            ) : unencryptedAssets.length === 0 ? (
              <p>Pre-filled &ldquo;yes&rdquo;: every linked asset holding personal data is encrypted at rest.</p>
            ) : (
              <p>Pre-filled &ldquo;no&rdquo;: not encrypted at rest: {unencryptedAssets.map((a) => a.name).join(", ")}.</p>
            )}
            <p className="mt-1">Encryption at rest only counts if the keys (or credentials) were not compromised with the data, and the data was encrypted when it was taken: HIPAA &ldquo;unsecured PHI&rdquo; (45 CFR 164.402), GDPR Art. 34(3)(a), Cal. Civ. Code 1798.82(a). Untick it if the attacker had the keys, or the data was taken from a running system where it was readable.</p>
          </div>
        )}
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={s.ai} onChange={(e) => set("ai", e.target.checked)} /> An AI system was involved in a serious incident (EU AI Act Art. 73)</label>
      </fieldset>
  );
}

export function RiskStep({ s, set, needsGdprRisk, needsHipaa, needsLe }: { s: WizardState; set: SetField; needsGdprRisk: boolean; needsHipaa: boolean; needsLe: boolean }) {
  return (
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">Risk</legend>
        {!needsGdprRisk && !needsHipaa && !s.ai && !needsLe && <p className="text-sm text-slate-600">Nothing to assess for these facts. Continue to the review.</p>}
        {needsGdprRisk && (
          <div className="space-y-2 rounded-md border border-slate-200 p-3">
            <Field label="GDPR: risk to people's rights and freedoms" hint="Unlikely: no authority notice (Art. 33(1)). High: tell the people affected too (Art. 34(1)).">
              <Select value={s.riskLevel} onChange={(e) => set("riskLevel", e.target.value as RiskLevel)}>
                <option value="unlikely">Unlikely to result in a risk</option><option value="risk">A risk</option><option value="high">A high risk</option>
              </Select>
            </Field>
            <Field label="Why"><Input value={s.riskRationale} onChange={(e) => set("riskRationale", e.target.value)} /></Field>
          </div>
        )}
        {needsHipaa && (
          <div className="space-y-2 rounded-md border border-slate-200 p-3">
            <p className="text-sm font-medium">HIPAA four-factor assessment (45 CFR 164.402(2))</p>
            <Field label="(i) Nature and extent of the PHI"><Input value={s.hipaa.nature} onChange={(e) => set("hipaa", { ...s.hipaa, nature: e.target.value })} /></Field>
            <Field label="(ii) Who used it or received it"><Input value={s.hipaa.unauthorizedPerson} onChange={(e) => set("hipaa", { ...s.hipaa, unauthorizedPerson: e.target.value })} /></Field>
            <Field label="(iii) Was it actually acquired or viewed"><Input value={s.hipaa.acquiredOrViewed} onChange={(e) => set("hipaa", { ...s.hipaa, acquiredOrViewed: e.target.value })} /></Field>
            <Field label="(iv) Extent of mitigation"><Input value={s.hipaa.mitigation} onChange={(e) => set("hipaa", { ...s.hipaa, mitigation: e.target.value })} /></Field>
            <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={s.lowProb} onChange={(e) => set("lowProb", e.target.checked)} /> The documented assessment shows a low probability that the PHI was compromised (no HIPAA notice)</label>
          </div>
        )}
        {s.ai && (
          <div className="space-y-2 rounded-md border border-slate-200 p-3">
            <Field label="Kind of serious incident"><Select value={s.aiKind} onChange={(e) => set("aiKind", e.target.value as AiIncidentKind)}>{AI_INCIDENT_KINDS.map((k) => <option key={k} value={k}>{AI_KIND_LABELS[k]}</option>)}</Select></Field>
            <Field label="AI system"><Input value={s.aiSystem} onChange={(e) => set("aiSystem", e.target.value)} /></Field>
          </div>
        )}
        {needsLe && (
          <div className="space-y-2 rounded-md border border-slate-200 p-3">
            <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={s.le} onChange={(e) => set("le", e.target.checked)} /> Law enforcement asked us to delay notice (45 CFR 164.412; state laws)</label>
            {s.le && (
              <div className="grid gap-3 sm:grid-cols-3">
                <Field label="Delay until (date)"><Input type="date" value={s.leUntil} onChange={(e) => set("leUntil", e.target.value)} /></Field>
                <Field label="Statement"><Select value={s.leWritten ? "written" : "oral"} onChange={(e) => set("leWritten", e.target.value === "written")}><option value="written">Written</option><option value="oral">Oral (at most 30 days)</option></Select></Field>
                <Field label="Delay requested on (date)" hint="A delay asked after a state deadline has passed does not extend it"><Input type="date" value={s.leStatedAt} onChange={(e) => set("leStatedAt", e.target.value)} /></Field>
                <Field label="Official"><Input value={s.leOfficial} onChange={(e) => set("leOfficial", e.target.value)} /></Field>
              </div>
            )}
          </div>
        )}
      </fieldset>
  );
}
