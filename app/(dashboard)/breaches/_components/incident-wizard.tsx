"use client";
// The incident wizard: asks only what the deadline engine needs, step by step, and previews the
// obligations live (the engine is pure code, so the browser runs the same rules as the server).
import { useActionState, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Select } from "@/components/ui/field";
import { categoriesFromAssets, encryptedFromAssets, phiFromAssets } from "@/lib/breaches/asset-prefill";
import { computeObligations } from "@/lib/breaches/compute-obligations";
import { isEeaOrUk, JURISDICTION_OPTIONS, US_STATES } from "@/lib/breaches/jurisdictions";
import { byUrgency } from "@/lib/breaches/reconcile";
import { formatInstant, obligationLabel } from "@/lib/breaches/reports";
import { AI_INCIDENT_KINDS, type AiIncidentKind, type RiskLevel, type Role } from "@/lib/breaches/types";
import { isoToWallInput, wallInputToIso } from "@/lib/breaches/wall-time";
import type { IncidentAssetDto, IncidentDto } from "@/lib/validation/breaches";
import { createIncidentAction, updateIncidentAction } from "../actions";
import { AssetPicker } from "./asset-picker";

const ROLE_OPTIONS: { value: Role; label: string; hint: string }[] = [
  { value: "controller", label: "Controller", hint: "We decide why and how the personal data is processed (GDPR)" },
  { value: "processor", label: "Processor", hint: "We process it for a client, who is the controller" },
  { value: "covered_entity", label: "HIPAA covered entity", hint: "Health plan, clearinghouse or provider" },
  { value: "business_associate", label: "HIPAA business associate", hint: "We handle PHI for a covered entity" },
  { value: "ai_provider", label: "AI provider", hint: "We develop the AI system and place it on the market" },
  { value: "ai_deployer", label: "AI deployer", hint: "We use someone else's AI system" },
];

const AI_KIND_LABELS: Record<AiIncidentKind, string> = {
  death: "Death of a person (10 days)",
  critical_infrastructure: "Serious and irreversible disruption of critical infrastructure (2 days)",
  widespread_infringement: "Widespread infringement (2 days)",
  other: "Other serious incident (15 days)",
};

const STEPS = ["What happened", "Who is affected", "Your role and the data", "Risk", "Review"] as const;

type Row = { jurisdiction: string; count: string };

function initialState(i: IncidentDto | undefined, timeZone: string) {
  return {
    title: i?.title ?? "",
    description: i?.description ?? "",
    discovered: isoToWallInput(i?.discoveredAt, timeZone),
    occurred: isoToWallInput(i?.occurredAt, timeZone),
    contained: isoToWallInput(i?.containedAt, timeZone),
    status: i?.status ?? "open",
    categories: i?.dataCategories.join(", ") ?? "",
    rows: (i?.affected.length ? i.affected.map((a) => ({ jurisdiction: a.jurisdiction, count: String(a.count) })) : [{ jurisdiction: "", count: "" }]) as Row[],
    ownsData: i ? i.roles.length === 0 : true,
    roles: new Set<Role>(i?.roles ?? []),
    phi: i?.phi ?? false,
    encrypted: i?.encrypted ?? false,
    // Pre-fill from linked assets until the person answers themselves (then their answer wins).
    encryptedTouched: i ? i.encryptedSource === "client" : false,
    phiTouched: Boolean(i),
    categoriesPrefilled: false,
    assets: (i?.assets ?? []) as IncidentAssetDto[],
    riskLevel: (i?.riskLevel ?? "risk") as RiskLevel,
    riskRationale: i?.riskRationale ?? "",
    hipaa: { ...(i?.hipaaAssessment ?? { nature: "", unauthorizedPerson: "", acquiredOrViewed: "", mitigation: "" }) },
    lowProb: i?.hipaaLowProbabilityOfCompromise ?? false,
    ai: Boolean(i?.aiSeriousIncident),
    aiKind: (i?.aiSeriousIncident?.kind ?? "other") as AiIncidentKind,
    aiSystem: i?.aiSeriousIncident?.system ?? "",
    le: Boolean(i?.lawEnforcementDelay),
    leUntil: i?.lawEnforcementDelay?.until.slice(0, 10) ?? "",
    leWritten: i?.lawEnforcementDelay?.written ?? true,
    leOfficial: i?.lawEnforcementDelay?.official ?? "",
  };
}

export function IncidentWizard({ timeZone, incident }: { timeZone: string; incident?: IncidentDto }) {
  const editing = Boolean(incident);
  const [s, setS] = useState(() => initialState(incident, timeZone));
  const [step, setStep] = useState(0);
  const [stepError, setStepError] = useState<string | null>(null);
  const [state, action, pending] = useActionState(editing ? updateIncidentAction : createIncidentAction, null);
  const set = <K extends keyof typeof s>(k: K, v: (typeof s)[K]) => setS((prev) => ({ ...prev, [k]: v }));

  function pickAssets(next: IncidentAssetDto[]) {
    setS((prev) => {
      const upd = { ...prev, assets: next };
      if (!prev.encryptedTouched) upd.encrypted = encryptedFromAssets(next);
      if (!prev.categories.trim() || prev.categoriesPrefilled) {
        const cats = categoriesFromAssets(next);
        upd.categories = cats.join(", ");
        upd.categoriesPrefilled = cats.length > 0;
      }
      if (!prev.phiTouched && phiFromAssets(next)) upd.phi = true;
      return upd;
    });
  }
  const personalAssets = s.assets.filter((a) => a.personalDataCategories.length > 0);
  const unencryptedAssets = personalAssets.filter((a) => !a.encryptedAtRest);

  const affected = s.rows
    .filter((r) => r.jurisdiction.trim() && r.count.trim())
    .map((r) => ({ jurisdiction: r.jurisdiction.trim().toUpperCase(), count: Number(r.count) }));
  const roles: Role[] = s.ownsData ? [] : [...s.roles];
  const effective = new Set<Role>(roles.length ? roles : ["controller", ...(s.phi ? (["covered_entity"] as Role[]) : [])]);
  const needsGdprRisk = affected.some((a) => isEeaOrUk(a.jurisdiction)) && effective.has("controller");
  const needsHipaa = s.phi && !s.encrypted && (effective.has("covered_entity") || effective.has("business_associate"));
  const needsLe = s.phi || affected.some((a) => a.jurisdiction.startsWith("US-"));
  const discoveredIso = wallInputToIso(s.discovered, timeZone);

  const payload = {
    title: s.title,
    description: s.description,
    ...(discoveredIso ? { discoveredAt: discoveredIso } : {}),
    occurredAt: wallInputToIso(s.occurred, timeZone),
    containedAt: wallInputToIso(s.contained, timeZone),
    ...(editing ? { status: s.status } : {}),
    dataCategories: s.categories.split(",").map((c) => c.trim()).filter(Boolean),
    affected,
    roles,
    phi: s.phi,
    // Not answered by the person and assets linked: the server derives it from the same assets.
    ...(s.encryptedTouched ? { encrypted: s.encrypted } : {}),
    assetIds: s.assets.map((a) => a.id),
    riskLevel: s.riskLevel,
    riskRationale: s.riskRationale,
    hipaaAssessment: s.hipaa,
    hipaaLowProbabilityOfCompromise: needsHipaa ? s.lowProb : false,
    aiSeriousIncident: s.ai ? { kind: s.aiKind, system: s.aiSystem } : null,
    lawEnforcementDelay: needsLe && s.le && s.leUntil ? { until: s.leUntil, written: s.leWritten, official: s.leOfficial } : null,
    ...(incident ? { version: incident.version } : {}),
  };

  const preview = useMemo(() => {
    if (!discoveredIso) return null;
    try {
      return computeObligations(
        {
          discoveredAt: discoveredIso,
          roles,
          phi: s.phi,
          encrypted: s.encrypted,
          riskLevel: s.riskLevel,
          hipaaLowProbabilityOfCompromise: payload.hipaaLowProbabilityOfCompromise,
          affected: affected.filter((a) => Number.isInteger(a.count) && a.count >= 0),
          ...(s.ai ? { aiSeriousIncident: { kind: s.aiKind } } : {}),
          ...(payload.lawEnforcementDelay ? { lawEnforcementDelay: { until: payload.lawEnforcementDelay.until, written: payload.lawEnforcementDelay.written } } : {}),
        },
        { timeZone },
      ).sort((a, b) => byUrgency({ ...a, status: "open", sentAt: null }, { ...b, status: "open", sentAt: null }));
    } catch {
      return null;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(payload), timeZone]);

  function next() {
    if (step === 0) {
      if (!s.title.trim()) return setStepError("Give the incident a short title.");
      if (!discoveredIso) return setStepError("Say when the organisation discovered (became aware of) the breach.");
    }
    if (step === 1) {
      const bad = s.rows.find((r) => (r.jurisdiction.trim() || r.count.trim()) && (!/^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/.test(r.jurisdiction.trim()) || !/^\d+$/.test(r.count.trim())));
      if (bad) return setStepError("Each row needs an ISO code (DE, GB, US-CA) and a whole number of people.");
    }
    if (step === 2 && !s.ownsData && s.roles.size === 0) return setStepError("Pick at least one role, or say the organisation owns the data.");
    setStepError(null);
    setStep((n) => Math.min(STEPS.length - 1, n + 1));
  }

  return (
    <form action={action} className="space-y-5" data-testid="incident-wizard">
      <input type="hidden" name="payload" value={JSON.stringify(payload)} />
      {incident && <input type="hidden" name="incidentId" value={incident.id} />}
      <ol className="flex flex-wrap gap-2 text-xs" aria-label="Steps">
        {STEPS.map((label, n) => (
          <li key={label}>
            <button type="button" onClick={() => n < step && setStep(n)} aria-current={n === step ? "step" : undefined} className={`rounded-full px-3 py-1 ${n === step ? "bg-indigo-600 text-white" : n < step ? "bg-indigo-50 text-indigo-700 hover:bg-indigo-100" : "bg-slate-100 text-slate-500"}`}>
              {n + 1}. {label}
            </button>
          </li>
        ))}
      </ol>

      {step === 0 && (
        <fieldset className="space-y-3">
          <legend className="text-base font-semibold">What happened</legend>
          <Field label="Title"><Input value={s.title} onChange={(e) => set("title", e.target.value)} placeholder="e.g. Phishing: payroll mailbox exposed" /></Field>
          <Field label="Description"><textarea value={s.description} onChange={(e) => set("description", e.target.value)} rows={3} className="block w-full rounded-md px-2.5 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300" /></Field>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field label="Discovered / became aware" hint={`Starts every clock. Your organisation's time (${timeZone}).`}><Input type="datetime-local" value={s.discovered} onChange={(e) => set("discovered", e.target.value)} /></Field>
            <Field label="Occurred (if known)"><Input type="datetime-local" value={s.occurred} onChange={(e) => set("occurred", e.target.value)} /></Field>
            <Field label="Contained (if yet)"><Input type="datetime-local" value={s.contained} onChange={(e) => set("contained", e.target.value)} /></Field>
          </div>
          <Field label="Data categories" hint="Comma-separated, e.g. names, e-mail addresses, diagnoses"><Input value={s.categories} onChange={(e) => setS((p) => ({ ...p, categories: e.target.value, categoriesPrefilled: false }))} /></Field>
          {editing && (
            <Field label="Incident status">
              <Select value={s.status} onChange={(e) => set("status", e.target.value as typeof s.status)}>
                <option value="open">Open</option><option value="contained">Contained</option><option value="closed">Closed</option>
              </Select>
            </Field>
          )}
        </fieldset>
      )}

      {step === 1 && (
        <fieldset className="space-y-3">
          <legend className="text-base font-semibold">Who is affected, where they live</legend>
          <p className="text-sm text-slate-600">One row per country (DE, FR, GB) or US state (US-CA). Thresholds matter: HIPAA media notice above 500 residents of a state, California AG above 500.</p>
          <datalist id="jurisdictions">
            {JURISDICTION_OPTIONS.map((j) => <option key={j} value={j}>{US_STATES[j] ?? j}</option>)}
          </datalist>
          {s.rows.map((r, n) => (
            <div key={n} className="flex items-end gap-2">
              <Field label={`Jurisdiction ${n + 1}`}><Input list="jurisdictions" value={r.jurisdiction} onChange={(e) => set("rows", s.rows.map((x, m) => (m === n ? { ...x, jurisdiction: e.target.value } : x)))} placeholder="US-CA" /></Field>
              <Field label={`People affected ${n + 1}`}><Input inputMode="numeric" value={r.count} onChange={(e) => set("rows", s.rows.map((x, m) => (m === n ? { ...x, count: e.target.value } : x)))} placeholder="0" /></Field>
              {s.rows.length > 1 && <Button type="button" variant="ghost" onClick={() => set("rows", s.rows.filter((_, m) => m !== n))}>Remove</Button>}
            </div>
          ))}
          <Button type="button" variant="secondary" onClick={() => set("rows", [...s.rows, { jurisdiction: "", count: "" }])}>Add a jurisdiction</Button>
        </fieldset>
      )}

      {step === 2 && (
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
          <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={s.phi} onChange={(e) => setS((p) => ({ ...p, phi: e.target.checked, phiTouched: true }))} /> Protected health information (PHI) is involved</label>
          <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={s.encrypted} onChange={(e) => setS((p) => ({ ...p, encrypted: e.target.checked, encryptedTouched: true }))} /> The data was unreadable to whoever got it (encrypted, and the keys were not compromised)</label>
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
      )}

      {step === 3 && (
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
                  <Field label="Official"><Input value={s.leOfficial} onChange={(e) => set("leOfficial", e.target.value)} /></Field>
                </div>
              )}
            </div>
          )}
        </fieldset>
      )}

      {step === 4 && (
        <section className="space-y-2" aria-label="Preview of obligations">
          <h2 className="text-base font-semibold">These notices will be due</h2>
          {!preview ? (
            <p className="text-sm text-red-600">Check the discovery time and the affected counts.</p>
          ) : preview.length === 0 ? (
            <p className="text-sm text-slate-600">No notification obligation follows from these facts.</p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm" data-testid="obligation-preview">
              {preview.map((o) => (
                <li key={o.key} className="flex flex-wrap justify-between gap-2 px-3 py-2">
                  <span className="font-medium">{obligationLabel(o)}</span>
                  <span className="text-slate-600">{o.dueAt ? formatInstant(o.dueAt, timeZone) : o.dependsOn ? "after the notice it depends on" : "no fixed time"} · {o.citation}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {stepError && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{stepError}</p>}
      <FormMessage state={state} />
      <div className="flex gap-2">
        {step > 0 && <Button type="button" variant="secondary" onClick={() => setStep(step - 1)}>Back</Button>}
        {step < STEPS.length - 1 ? (
          // Distinct keys: reusing one <button> whose type flips to "submit" during the click would submit the form.
          <Button key="next" type="button" onClick={next}>Next</Button>
        ) : (
          <Button key="submit" type="submit" disabled={pending}>{editing ? "Save and recompute" : "Report incident"}</Button>
        )}
      </div>
    </form>
  );
}
