// "This policy means: …" — the escalation policy in sentences, from the same rules the
// server routes by (lib/oversight/routing.ts): first match wins, no match means one
// approval, a timeout never approves. Tolerates half-typed rules: it describes what it can.
import { DEFAULT_SLA_HOURS } from "@/lib/oversight/routing";
import { IMPACT_LABELS, TARGET_LABELS } from "@/lib/oversight/policy-rows";

type Loose = Record<string, unknown>;
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function describeConditions(when: Loose): string {
  const parts: string[] = [];
  const type = str(when.decisionType);
  if (type) parts.push(`the decision type is ${type}`);
  const impact = str(when.impact);
  if (impact) parts.push(`the impact is ${(IMPACT_LABELS as Record<string, string>)[impact]?.toLowerCase() ?? impact}`);
  const conf = num(when.confidenceBelow);
  if (conf !== undefined) parts.push(`the model's confidence is below ${conf}`);
  const amount = num(when.amountAbove);
  if (amount !== undefined) parts.push(`the amount is above ${amount.toLocaleString("en-GB")}`);
  const j = str(when.jurisdiction);
  if (j) parts.push(`the jurisdiction is ${j.toUpperCase()}`);
  return parts.length ? `If ${parts.join(" and ")}` : "For every decision";
}

export function describeOutcome(rule: Loose): string {
  if (rule.action === "auto_accept") return "accept the model's outcome automatically";
  const approvals = num(rule.approvals) ?? 1;
  const sla = num(rule.slaHours) ?? DEFAULT_SLA_HOURS;
  let s = `require review by ${plural(approvals, "person", "different people")} within ${plural(sla, "hour", "hours")}`;
  if (rule.onTimeout === "escalate") {
    const to = (TARGET_LABELS as Record<string, string>)[String(rule.escalateTo ?? "compliance_officer")] ?? String(rule.escalateTo);
    s += `; if nobody decides in time, escalate to ${to.toLowerCase()}`;
  } else s += "; if nobody decides in time, it expires as rejected";
  if (rule.rejectEnds === false) s += "; one reject does not end it";
  return s;
}

/** One sentence per rule, then what happens when none matches. */
export function describePolicy(rules: readonly unknown[]): string[] {
  const lines: string[] = [];
  let catchAll = false;
  rules.forEach((r, i) => {
    const rule = (r && typeof r === "object" ? r : {}) as Loose;
    const when = (rule.when && typeof rule.when === "object" ? rule.when : {}) as Loose;
    const cond = describeConditions(when);
    const shadowed = catchAll ? " (never reached: an earlier rule matches every decision)" : "";
    lines.push(`${i + 1}. ${cond}: ${describeOutcome(rule)}${shadowed}.`);
    if (cond === "For every decision") catchAll = true;
  });
  if (!catchAll) lines.push(`${rules.length ? "Otherwise" : "Every decision"}: require review by 1 person within ${DEFAULT_SLA_HOURS} hours; a timeout never approves.`);
  return lines;
}
