"use client";
// The incident wizard: asks only what the deadline engine needs, step by step, and previews the
// obligations live (the engine is pure code, so the browser runs the same rules as the server).
import { useMemo, useState } from "react";
import { ActionForm, SubmitButton, useActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Select } from "@/components/ui/field";
import { categoriesFromAssets, elementsPrefill, encryptedFromAssets, phiFromAssets } from "@/lib/breaches/asset-prefill";
import { computeObligations } from "@/lib/breaches/compute-obligations";
import { isEeaOrUk, JURISDICTION_OPTIONS, US_STATES } from "@/lib/breaches/jurisdictions";
import { byUrgency } from "@/lib/breaches/reconcile";
import { obligationLabel } from "@/lib/breaches/reports";
import { ZonedTime } from "@/components/ui/zoned-time";
import type { Role } from "@/lib/breaches/types";
import { wallInputToIso } from "@/lib/breaches/wall-time";
import type { IncidentAssetDto, IncidentDto } from "@/lib/validation/breaches";
import { createIncidentAction, updateIncidentAction } from "../actions";
import { initialState, STEPS } from "./wizard-state";
import { INCIDENT_FIELDS } from "./wizard-fields";
import { SectorFacts } from "./wizard-sector";
import { RiskStep, RoleAndDataStep } from "./wizard-steps";

export function IncidentWizard({ timeZone, incident }: { timeZone: string; incident?: IncidentDto }) {
  const editing = Boolean(incident);
  const [s, setS] = useState(() => initialState(incident, timeZone));
  const [step, setStep] = useState(0);
  const [stepError, setStepError] = useState<string | null>(null);
  // On the form pattern (decision 012): busy, one submit at a time, refusals in words. The
  // answers live in this component's state, so a refusal (and the pattern's re-mount of the
  // <form>) keeps every step as typed.
  const form = useActionForm(editing ? updateIncidentAction : createIncidentAction, INCIDENT_FIELDS);
  const state = form.state;
  const fieldErrors = Object.values(state?.ok === false ? (state.fieldErrors ?? {}) : {});
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
      if (!prev.elementsTouched) {
        const elements = elementsPrefill(next);
        upd.elements = new Set(elements ?? []);
        upd.elementsGiven = elements !== undefined;
      }
      return upd;
    });
  }

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
    // Not given: omitted on create (the server may pre-fill from the assets), null on edit (cleared).
    ...(s.elementsGiven ? { dataElements: [...s.elements] } : incident?.dataElements ? { dataElements: null } : {}),
    encryptionKeyCompromised: s.encrypted && s.keyCompromised,
    stateHarmNotLikely: s.harmNotLikely,
    phi: s.phi,
    // Not answered by the person and assets linked: the server derives it from the same assets.
    ...(s.encryptedTouched ? { encrypted: s.encrypted } : {}),
    assetIds: s.assets.map((a) => a.id),
    riskLevel: s.riskLevel,
    riskRationale: s.riskRationale,
    hipaaAssessment: s.hipaa,
    hipaaLowProbabilityOfCompromise: needsHipaa ? s.lowProb : false,
    aiSeriousIncident: s.ai ? { kind: s.aiKind, system: s.aiSystem } : null,
    lawEnforcementDelay: needsLe && s.le && s.leUntil ? { until: s.leUntil, written: s.leWritten, official: s.leOfficial, ...(s.leStatedAt ? { statedAt: s.leStatedAt } : {}) } : null,
    materialityDeterminedAt: wallInputToIso(s.materiality, timeZone),
    secDelayUntil: s.secDelayUntil || null,
    doraMajorClassifiedAt: wallInputToIso(s.doraClassified, timeZone),
    nis2Significant: s.nis2NotSignificant ? false : null,
    aiMemberStates: s.ai ? s.aiMemberStates.split(/[\s,]+/).map((x) => x.toUpperCase()).filter(Boolean) : [],
    hhsBreachType: needsHipaa ? s.hhsBreachType : [],
    hhsLocation: needsHipaa ? s.hhsLocation : [],
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
          ...(payload.encryptionKeyCompromised ? { encryptionKeyCompromised: true } : {}),
          ...(s.harmNotLikely ? { stateHarmNotLikely: true } : {}),
          ...(s.elementsGiven ? { dataElements: [...s.elements] } : {}),
          riskLevel: s.riskLevel,
          hipaaLowProbabilityOfCompromise: payload.hipaaLowProbabilityOfCompromise,
          affected: affected.filter((a) => Number.isInteger(a.count) && a.count >= 0),
          ...(s.ai ? { aiSeriousIncident: { kind: s.aiKind } } : {}),
          ...(payload.lawEnforcementDelay ? { lawEnforcementDelay: { until: payload.lawEnforcementDelay.until, written: payload.lawEnforcementDelay.written, ...(s.leStatedAt ? { statedAt: s.leStatedAt } : {}) } } : {}),
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
    <ActionForm form={form} className="space-y-5" data-testid="incident-wizard">
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

      {step === 2 && <RoleAndDataStep s={s} set={set} setS={setS} pickAssets={pickAssets} />}

      {step === 3 && <RiskStep s={s} set={set} needsGdprRisk={needsGdprRisk} needsHipaa={needsHipaa} needsLe={needsLe} />}
      {step === 3 && <SectorFacts s={s} set={set} needsHipaa={needsHipaa} />}

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
                  <span className="text-slate-600">{o.dueAt ? <ZonedTime value={o.dueAt} zone={timeZone} /> : o.dependsOn ? "after the notice it depends on" : "no fixed time"} · {o.citation}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {stepError && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{stepError}</p>}
      <FormMessage state={state} />
      {/* The steps are not all on screen, so each refused answer is listed by its label and value. */}
      {fieldErrors.length > 0 && (
        <ul role="alert" className="list-disc space-y-1 pl-5 text-sm text-red-700" data-testid="wizard-errors">
          {fieldErrors.map((m) => <li key={m}>{m}</li>)}
        </ul>
      )}
      <div className="flex gap-2">
        {step > 0 && <Button type="button" variant="secondary" onClick={() => setStep(step - 1)}>Back</Button>}
        {step < STEPS.length - 1 ? (
          // Distinct keys: reusing one <button> whose type flips to "submit" during the click would submit the form.
          <Button key="next" type="button" onClick={next}>Next</Button>
        ) : (
          <SubmitButton key="submit" pending={form.pending}>{editing ? "Save and recompute" : "Report incident"}</SubmitButton>
        )}
      </div>
    </ActionForm>
  );
}
