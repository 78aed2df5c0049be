// Escalation policy routing: which rule applies to a submitted decision and what it asks
// for. Pure; the server copies the result onto the decision so later policy edits do not
// change how an earlier decision is judged.
import type { PolicyRule } from "@/lib/validation/oversight";

export type RoutingFacts = {
  decisionType: string;
  confidence: number;
  impact?: string | null;
  amount?: number | null;
  jurisdiction?: string | null;
};

export type Routing = {
  ruleIndex: number | null;
  rule: PolicyRule | null;
  action: "auto_accept" | "review";
  requiredApprovals: number;
  slaHours: number | null;
  onTimeout: "escalate" | "expire" | null;
  escalateTo: string | null;
  rejectEnds: boolean;
};

/** Default SLA when a review rule names none: one working day. */
export const DEFAULT_SLA_HOURS = 24;

export function ruleMatches(rule: PolicyRule, f: RoutingFacts): boolean {
  const w = rule.when ?? {};
  if (w.decisionType !== undefined && w.decisionType !== f.decisionType) return false;
  if (w.impact !== undefined && w.impact !== (f.impact ?? null)) return false;
  if (w.confidenceBelow !== undefined && !(f.confidence < w.confidenceBelow)) return false;
  // An absent amount never satisfies "amount above": unknown is not small.
  if (w.amountAbove !== undefined && !(typeof f.amount === "number" && f.amount > w.amountAbove)) return false;
  if (w.jurisdiction !== undefined && w.jurisdiction.toUpperCase() !== (f.jurisdiction ?? "").toUpperCase()) return false;
  return true;
}

/** First matching rule wins; no match (or no policy) means review with one approval. */
export function routeDecision(rules: readonly PolicyRule[], f: RoutingFacts): Routing {
  const index = rules.findIndex((r) => ruleMatches(r, f));
  const rule = index >= 0 ? rules[index]! : null;
  if (rule?.action === "auto_accept") {
    return { ruleIndex: index, rule, action: "auto_accept", requiredApprovals: 0, slaHours: null, onTimeout: null, escalateTo: null, rejectEnds: true };
  }
  return {
    ruleIndex: rule ? index : null,
    rule,
    action: "review",
    requiredApprovals: rule?.approvals ?? 1,
    slaHours: rule?.slaHours ?? DEFAULT_SLA_HOURS,
    // A timeout never approves: the only choices are escalating and expiring as rejected.
    onTimeout: rule?.onTimeout ?? "expire",
    escalateTo: rule?.onTimeout === "escalate" ? (rule.escalateTo ?? "compliance_officer") : null,
    rejectEnds: rule?.rejectEnds ?? true,
  };
}
