import { describe, expect, it } from "vitest";
import { emptyRow, isRuleList, rowsToRules, rulesToRows } from "@/lib/oversight/policy-rows";
import { describePolicy } from "@/lib/oversight/policy-summary";

const RULES = [
  { when: { decisionType: "loan_refusal", amountAbove: 50000 }, action: "review", approvals: 2, slaHours: 4, onTimeout: "escalate" },
  { when: { impact: "low" }, action: "auto_accept" },
];

describe("policy rows (structured editor)", () => {
  it("round-trips rules through rows without loss, unknown keys included", () => {
    const rules = [...RULES, { when: { confidenceBelow: 0.7, colour: "red" }, action: "review", rejectEnds: false, note: "x" }];
    expect(rowsToRules(rulesToRows(rules))).toEqual(rules);
  });

  it("passes a value that is not a number on as typed, so the server can quote it", () => {
    const row = { ...emptyRow(), confidenceBelow: "high", approvals: " 2 " };
    expect(rowsToRules([row])).toEqual([{ when: { confidenceBelow: "high" }, action: "review", approvals: 2 }]);
  });

  it("shows only lists of objects as rows", () => {
    expect(isRuleList(RULES)).toBe(true);
    expect(isRuleList([1])).toBe(false);
    expect(isRuleList({})).toBe(false);
  });
});

describe("this policy means", () => {
  it("says each rule in words, then the default", () => {
    expect(describePolicy(RULES)).toEqual([
      "1. If the decision type is loan_refusal and the amount is above 50,000: require review by 2 different people within 4 hours; if nobody decides in time, escalate to compliance officers.",
      "2. If the impact is low: accept the model's outcome automatically.",
      "Otherwise: require review by 1 person within 24 hours; a timeout never approves.",
    ]);
  });

  it("flags rules after a catch-all as never reached", () => {
    const lines = describePolicy([{ when: {}, action: "review" }, { when: { impact: "low" }, action: "auto_accept" }]);
    expect(lines[0]).toBe("1. For every decision: require review by 1 person within 24 hours; if nobody decides in time, it expires as rejected.");
    expect(lines[1]).toMatch(/never reached/);
    expect(lines).toHaveLength(2);
    expect(describePolicy([])).toEqual(["Every decision: require review by 1 person within 24 hours; a timeout never approves."]);
  });
});
