import { describe, expect, it } from "vitest";
import { routeDecision, ruleMatches } from "@/lib/oversight/routing";
import { putPolicySchema, type PolicyRule } from "@/lib/validation/oversight";

const rules: PolicyRule[] = putPolicySchema.parse({
  rules: [
    { when: { decisionType: "loan_refusal", amountAbove: 50000 }, action: "review", approvals: 2, slaHours: 4, onTimeout: "escalate" },
    { when: { confidenceBelow: 0.7 }, action: "review", approvals: 1, slaHours: 8, onTimeout: "expire" },
    { when: { impact: "low" }, action: "auto_accept" },
    { when: { jurisdiction: "de" }, action: "review", rejectEnds: false, approvals: 3 },
  ],
}).rules;

describe("policy routing: first matching rule wins (EU AI Act Art. 14, GDPR Art. 22(3))", () => {
  it.each([
    ["large loan refusal -> 2 approvals, escalate", { decisionType: "loan_refusal", confidence: 0.99, amount: 60000 }, 0, "review", 2, "escalate"],
    ["large loan with low confidence: rule 0 still first", { decisionType: "loan_refusal", confidence: 0.1, amount: 60000 }, 0, "review", 2, "escalate"],
    ["amount exactly at threshold is not above", { decisionType: "loan_refusal", confidence: 0.99, amount: 50000, impact: "low" }, 2, "auto_accept", 0, null],
    ["missing amount never counts as above", { decisionType: "loan_refusal", confidence: 0.99, impact: "low" }, 2, "auto_accept", 0, null],
    ["confidence below threshold", { decisionType: "hiring", confidence: 0.69 }, 1, "review", 1, "expire"],
    ["confidence at threshold is not below", { decisionType: "hiring", confidence: 0.7, impact: "low" }, 2, "auto_accept", 0, null],
    ["jurisdiction match is case-insensitive", { decisionType: "hiring", confidence: 0.9, jurisdiction: "DE" }, 3, "review", 3, "expire"],
    ["no match: review with one approval (issue 6 default)", { decisionType: "hiring", confidence: 0.9, impact: "high" }, null, "review", 1, "expire"],
  ] as const)("%s", (_name, facts, ruleIndex, action, approvals, onTimeout) => {
    const r = routeDecision(rules, facts);
    expect(r.ruleIndex).toBe(ruleIndex);
    expect(r.action).toBe(action);
    expect(r.requiredApprovals).toBe(approvals);
    expect(r.onTimeout).toBe(onTimeout);
  });

  it("an empty policy reviews everything with one approval and a timeout that expires, never approves", () => {
    expect(routeDecision([], { decisionType: "x", confidence: 1 })).toMatchObject({ action: "review", requiredApprovals: 1, onTimeout: "expire", ruleIndex: null });
  });

  it("escalate rules default their target to the compliance officers", () => {
    expect(routeDecision(rules, { decisionType: "loan_refusal", confidence: 1, amount: 1e6 }).escalateTo).toBe("compliance_officer");
  });

  it("rejectEnds defaults to true and can be turned off per rule", () => {
    expect(routeDecision(rules, { decisionType: "hiring", confidence: 0.5 }).rejectEnds).toBe(true);
    expect(routeDecision(rules, { decisionType: "hiring", confidence: 0.9, jurisdiction: "de" }).rejectEnds).toBe(false);
  });

  it("an empty `when` matches everything", () => {
    expect(ruleMatches({ when: {}, action: "auto_accept" }, { decisionType: "a", confidence: 0 })).toBe(true);
  });

  it.each([
    ["auto_accept with approvals", { when: {}, action: "auto_accept", approvals: 2 }],
    ["unknown condition", { when: { colour: "red" }, action: "review" }],
    ["approvals 0", { when: {}, action: "review", approvals: 0 }],
    ["escalateTo without escalate", { when: {}, action: "review", escalateTo: "admin" }],
    ["unknown timeout action (a timeout never approves)", { when: {}, action: "review", onTimeout: "approve" }],
  ])("refuses a malformed rule: %s", (_n, rule) => {
    expect(putPolicySchema.safeParse({ rules: [rule] }).success).toBe(false);
  });
});
