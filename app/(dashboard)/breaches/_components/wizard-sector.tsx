"use client";
// Wizard: the sector-regime facts (docs/decisions/330) and the HHS portal categories. Shown on
// the risk step; the rules only read them when the organisation profile makes them relevant.
import { Field, Input } from "@/components/ui/field";
import { HHS_BREACH_TYPE_LABELS, HHS_BREACH_TYPES, HHS_LOCATION_LABELS, HHS_LOCATIONS } from "@/lib/validation/breach-sector";
import type { SetField, WizardState } from "./wizard-state";

function toggle(list: readonly string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

export function SectorFacts({ s, set, needsHipaa }: { s: WizardState; set: SetField; needsHipaa: boolean }) {
  return (
    <div className="space-y-3">
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">Sector regimes (used where the organisation profile says they apply)</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Materiality determined at (SEC Form 8-K Item 1.05)" hint="Four business days run from this"><Input type="datetime-local" value={s.materiality} onChange={(e) => set("materiality", e.target.value)} /></Field>
          <Field label="Attorney General delay until (Item 1.05(c))"><Input type="date" value={s.secDelayUntil} onChange={(e) => set("secDelayUntil", e.target.value)} /></Field>
          <Field label="Classified as a major ICT incident at (DORA)" hint="Initial notification 4 hours after, at most 24 hours after awareness"><Input type="datetime-local" value={s.doraClassified} onChange={(e) => set("doraClassified", e.target.value)} /></Field>
          <Field label="AI Act: Member State(s) where it occurred" hint="Comma-separated, e.g. DE, FR"><Input value={s.aiMemberStates} onChange={(e) => set("aiMemberStates", e.target.value)} /></Field>
        </div>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={s.nis2NotSignificant} onChange={(e) => set("nis2NotSignificant", e.target.checked)} /> Assessed as not a significant incident under NIS2 Art. 23(3)</label>
      </fieldset>
      {needsHipaa && (
        <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
          <legend className="px-1 text-sm font-medium">HHS breach portal</legend>
          <div className="space-y-1 text-sm"><p className="font-medium">Type of breach</p>
            {HHS_BREACH_TYPES.map((t) => <label key={t} className="flex items-center gap-2"><input type="checkbox" checked={s.hhsBreachType.includes(t)} onChange={(e) => set("hhsBreachType", toggle(s.hhsBreachType, t, e.target.checked))} /> {HHS_BREACH_TYPE_LABELS[t]}</label>)}
          </div>
          <div className="space-y-1 text-sm"><p className="font-medium">Location of breached information</p>
            {HHS_LOCATIONS.map((t) => <label key={t} className="flex items-center gap-2"><input type="checkbox" checked={s.hhsLocation.includes(t)} onChange={(e) => set("hhsLocation", toggle(s.hhsLocation, t, e.target.checked))} /> {HHS_LOCATION_LABELS[t]}</label>)}
          </div>
        </fieldset>
      )}
    </div>
  );
}
