// The escalation policy as the structured editor holds it: one row of text fields per
// rule. Pure and client-safe. Rows convert to rules without judging them: a bad value is
// passed on as typed so the server's zod schema (the API's) names it in words.
import type { FieldSpecs } from "@/lib/forms/issue-words";
import { ESCALATION_TARGETS, IMPACTS } from "@/lib/validation/oversight";

export type RuleRow = {
  /** Client-side identity for React keys and for matching errors to rows after a reorder. */
  id: string;
  decisionType: string;
  impact: string;
  confidenceBelow: string;
  amountAbove: string;
  jurisdiction: string;
  action: string;
  approvals: string;
  slaHours: string;
  onTimeout: string;
  escalateTo: string;
  /** "" = default (a reject ends it), "true" or "false". */
  rejectEnds: string;
  /** Keys the editor has no input for (typed in the JSON tab), kept so nothing is silently dropped. */
  extraWhen: Record<string, unknown>;
  extra: Record<string, unknown>;
};

export const CONDITION_FIELDS = ["decisionType", "impact", "confidenceBelow", "amountAbove", "jurisdiction"] as const;
export const ACTION_FIELDS = ["action", "approvals", "slaHours", "onTimeout", "escalateTo", "rejectEnds"] as const;
const NUMBER_FIELDS = new Set(["confidenceBelow", "amountAbove", "approvals", "slaHours"]);

export const IMPACT_LABELS: Record<(typeof IMPACTS)[number], string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };
export const ACTION_LABELS = { review: "Require human review", auto_accept: "Accept automatically" } as const;
export const TIMEOUT_LABELS = { expire: "Expire as rejected", escalate: "Escalate" } as const;
export const TARGET_LABELS: Record<(typeof ESCALATION_TARGETS)[number], string> = { compliance_officer: "Compliance officers", admin: "Admins", reviewer: "Reviewers" };

/** Labels shared by the editor's inputs and the server's error sentences. */
export const POLICY_FIELDS: FieldSpecs = {
  rules: "Rules",
  "rules.*": "Rule",
  "rules.*.when": "Conditions",
  "rules.*.when.decisionType": "Decision type",
  "rules.*.when.impact": { label: "Impact", choices: IMPACT_LABELS },
  "rules.*.when.confidenceBelow": "Confidence below",
  "rules.*.when.amountAbove": "Amount above",
  "rules.*.when.jurisdiction": "Jurisdiction",
  "rules.*.action": { label: "Action", choices: ACTION_LABELS },
  "rules.*.approvals": "Approvals needed",
  "rules.*.slaHours": "SLA (hours)",
  "rules.*.onTimeout": { label: "On timeout", choices: TIMEOUT_LABELS },
  "rules.*.escalateTo": { label: "Escalate to", choices: TARGET_LABELS },
  "rules.*.rejectEnds": "One reject ends it",
};

let counter = 0;
const newId = () => `r${Date.now().toString(36)}${(counter++).toString(36)}`;

export function emptyRow(): RuleRow {
  return { id: newId(), decisionType: "", impact: "", confidenceBelow: "", amountAbove: "", jurisdiction: "", action: "review", approvals: "", slaHours: "", onTimeout: "", escalateTo: "", rejectEnds: "", extraWhen: {}, extra: {} };
}

const asText = (v: unknown) => (v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** Whether JSON text from the JSON tab can be shown as rows: a list of objects. */
export function isRuleList(v: unknown): v is Record<string, unknown>[] {
  return Array.isArray(v) && v.every(isObject);
}

/** Rules (from the database or the JSON tab) as rows. */
export function rulesToRows(rules: readonly unknown[]): RuleRow[] {
  return rules.map((rule) => {
    const row = emptyRow();
    if (!isObject(rule)) return row;
    const { when, ...rest } = rule;
    const w = isObject(when) ? when : {};
    for (const [k, v] of Object.entries(w)) {
      if ((CONDITION_FIELDS as readonly string[]).includes(k)) (row as Record<string, unknown>)[k] = asText(v);
      else row.extraWhen[k] = v;
    }
    if (when !== undefined && !isObject(when)) row.extra.when = when;
    for (const [k, v] of Object.entries(rest)) {
      if ((ACTION_FIELDS as readonly string[]).includes(k)) (row as Record<string, unknown>)[k] = asText(v);
      else row.extra[k] = v;
    }
    return row;
  });
}

// A number field that does not read as a number is sent as the text typed, so the
// refusal can quote it ("Confidence below "high" must be a number").
const toValue = (field: string, text: string): unknown => {
  const t = text.trim();
  if (field === "rejectEnds") return t === "true" ? true : t === "false" ? false : t;
  if (!NUMBER_FIELDS.has(field)) return t;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
};

/** Rows as the rules the API takes; empty inputs are left out (the schema's defaults apply). */
export function rowsToRules(rows: readonly RuleRow[]): unknown[] {
  return rows.map((row) => {
    const when: Record<string, unknown> = { ...row.extraWhen };
    for (const f of CONDITION_FIELDS) if (row[f].trim() !== "") when[f] = toValue(f, row[f]);
    const rule: Record<string, unknown> = { when, ...row.extra };
    for (const f of ACTION_FIELDS) if (row[f].trim() !== "") rule[f] = toValue(f, row[f]);
    return rule;
  });
}
