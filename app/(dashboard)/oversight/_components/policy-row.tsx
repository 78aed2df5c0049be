"use client";
// One rule of the escalation policy editor: its conditions (all must hold) and what
// happens then. Controlled inputs: the editor owns the rows, so nothing typed is lost
// when React resets the form after a refused save.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ACTION_LABELS, IMPACT_LABELS, TARGET_LABELS, TIMEOUT_LABELS, type RuleRow } from "@/lib/oversight/policy-rows";

export type RowErrors = { fields: Record<string, string>; row: string[] };

type Props = {
  row: RuleRow;
  index: number;
  count: number;
  errors: RowErrors;
  onChange: (next: RuleRow) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

const REVIEW_ONLY = { approvals: "", slaHours: "", onTimeout: "", escalateTo: "", rejectEnds: "" } as const;

function Choice({ value, onChange, invalid, empty, options }: { value: string; onChange: (v: string) => void; invalid: boolean; empty: string; options: Record<string, string> }) {
  return (
    <Select value={value} invalid={invalid} onChange={(e) => onChange(e.target.value)}>
      <option value="">{empty}</option>
      {Object.entries(options).map(([v, label]) => <option key={v} value={v}>{label}</option>)}
      {/* A value typed in the JSON tab that is not a choice stays visible (and is refused by name). */}
      {value && !(value in options) && <option value={value}>{value}</option>}
    </Select>
  );
}

export function PolicyRowEditor({ row, index, count, errors, onChange, onMove, onRemove }: Props) {
  const set = (patch: Partial<RuleRow>) => onChange({ ...row, ...patch });
  const err = (f: string) => errors.fields[f];
  const text = (f: keyof RuleRow, label: string, props: { type?: string; step?: string; min?: number; max?: number; placeholder?: string; inputMode?: "decimal" | "numeric" } = {}): ReactNode => (
    <Field label={label} error={err(f)}>
      <Input {...props} value={String(row[f])} invalid={!!err(f)} onChange={(e) => set({ [f]: e.target.value } as Partial<RuleRow>)} />
    </Field>
  );
  const review = row.action !== "auto_accept";
  const bad = errors.row.length > 0 || Object.keys(errors.fields).length > 0;
  return (
    <fieldset className={`rounded-md border p-3 ${bad ? "border-red-400" : "border-slate-200"}`} data-testid="policy-rule" aria-invalid={bad || undefined}>
      <legend className="px-1 text-sm font-semibold">Rule {index + 1}</legend>
      {errors.row.map((m) => <p key={m} role="alert" className="mb-2 text-xs text-red-600">{m}</p>)}
      <p className="mb-1 text-xs font-medium uppercase text-slate-500">When all of these hold (leave empty to ignore)</p>
      <div className="grid gap-2 sm:grid-cols-5">
        {text("decisionType", "Decision type", { placeholder: "e.g. loan_refusal" })}
        <Field label="Impact" error={err("impact")}>
          <Choice value={row.impact} invalid={!!err("impact")} empty="Any impact" options={IMPACT_LABELS} onChange={(impact) => set({ impact })} />
        </Field>
        {text("confidenceBelow", "Confidence below", { type: "number", step: "any", min: 0, max: 1, placeholder: "0 to 1", inputMode: "decimal" })}
        {text("amountAbove", "Amount above", { type: "number", step: "any", inputMode: "decimal" })}
        {text("jurisdiction", "Jurisdiction", { placeholder: "e.g. FR or US-CA" })}
      </div>
      <p className="mb-1 mt-3 text-xs font-medium uppercase text-slate-500">Then</p>
      <div className="grid gap-2 sm:grid-cols-5">
        <Field label="Action" error={err("action")}>
          <Select value={row.action} invalid={!!err("action")} onChange={(e) => set(e.target.value === "auto_accept" ? { action: "auto_accept", ...REVIEW_ONLY } : { action: e.target.value })}>
            {Object.entries(ACTION_LABELS).map(([v, label]) => <option key={v} value={v}>{label}</option>)}
            {row.action && !(row.action in ACTION_LABELS) && <option value={row.action}>{row.action}</option>}
          </Select>
        </Field>
        {review && text("approvals", "Approvals needed", { type: "number", min: 1, max: 10, placeholder: "1", inputMode: "numeric" })}
        {review && text("slaHours", "SLA (hours)", { type: "number", step: "any", min: 0, placeholder: "24", inputMode: "decimal" })}
        {review && (
          <Field label="On timeout" error={err("onTimeout")}>
            <Choice value={row.onTimeout} invalid={!!err("onTimeout")} empty="Expire as rejected (default)" options={TIMEOUT_LABELS} onChange={(onTimeout) => set(onTimeout === "escalate" ? { onTimeout } : { onTimeout, escalateTo: "" })} />
          </Field>
        )}
        {review && row.onTimeout === "escalate" && (
          <Field label="Escalate to" error={err("escalateTo")}>
            <Choice value={row.escalateTo} invalid={!!err("escalateTo")} empty="Compliance officers (default)" options={TARGET_LABELS} onChange={(escalateTo) => set({ escalateTo })} />
          </Field>
        )}
        {review && (
          <Field label="One reject ends it" error={err("rejectEnds")}>
            <Choice value={row.rejectEnds} invalid={!!err("rejectEnds")} empty="Yes (default)" options={{ true: "Yes", false: "No: wait for the others" }} onChange={(rejectEnds) => set({ rejectEnds })} />
          </Field>
        )}
      </div>
      <div className="mt-2 flex gap-1">
        <Button type="button" variant="ghost" className="text-xs" disabled={index === 0} aria-label={`Move rule ${index + 1} up`} onClick={() => onMove(-1)}>↑ Up</Button>
        <Button type="button" variant="ghost" className="text-xs" disabled={index === count - 1} aria-label={`Move rule ${index + 1} down`} onClick={() => onMove(1)}>↓ Down</Button>
        <Button type="button" variant="ghost" className="text-xs text-red-700" aria-label={`Remove rule ${index + 1}`} onClick={onRemove}>Remove</Button>
      </div>
    </fieldset>
  );
}
