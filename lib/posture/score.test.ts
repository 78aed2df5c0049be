import { describe, expect, it } from "vitest";
import { countByStatus, effectiveStatus, isOverdue, nextReviewAt, postureScores, scoreOf, type ScoredControl } from "./score";

const c = (status: ScoredControl["status"], weight = 1, area: ScoredControl["area"] = "security"): ScoredControl => ({ area, weight, status });

describe("scoreOf: weighted credit over applicable controls", () => {
  const cases: [string, ScoredControl[], number | null][] = [
    ["empty set has no score", [], null],
    ["every control not applicable has no score (not 100)", [c("not_applicable"), c("not_applicable", 3)], null],
    ["all satisfied is 100", [c("satisfied"), c("satisfied", 2)], 100],
    ["all not satisfied is 0", [c("not_satisfied"), c("not_satisfied")], 0],
    ["never reviewed counts as 0, not excluded", [c("satisfied"), c("not_reviewed")], 50],
    ["partial counts half", [c("partial")], 50],
    ["not applicable is excluded from the denominator", [c("satisfied"), c("not_applicable", 5)], 100],
    ["weights: satisfied w3 + not satisfied w1 = 75", [c("satisfied", 3), c("not_satisfied", 1)], 75],
    ["weights and partial: (2*1 + 2*0.5 + 0) / 5 = 60", [c("satisfied", 2), c("partial", 2), c("not_satisfied", 1)], 60],
    ["rounded to one decimal: 1/3 = 33.3", [c("satisfied"), c("not_satisfied"), c("not_satisfied")], 33.3],
    ["weight 0 is ignored", [c("not_satisfied", 0), c("satisfied")], 100],
  ];
  it.each(cases)("%s", (_name, controls, expected) => {
    expect(scoreOf(controls)).toBe(expected);
  });
});

describe("postureScores: per area and overall", () => {
  it("scores each area on its own controls and overall on all of them", () => {
    const s = postureScores([c("satisfied", 1, "security"), c("not_satisfied", 1, "security"), c("satisfied", 2, "consent"), c("not_applicable", 1, "breaches")]);
    expect(s).toEqual({ overall: 75, security: 50, consent: 100, breaches: null, inventory: null, oversight: null });
  });
});

describe("effectiveStatus: override > automated test > latest review", () => {
  const cases: [string, Parameters<typeof effectiveStatus>[0], string][] = [
    ["never reviewed, no test", { hasAutomatedTest: false }, "not_reviewed"],
    ["manual review stands without a test", { hasAutomatedTest: false, reviewStatus: "partial" }, "partial"],
    ["a passing test gives satisfied", { hasAutomatedTest: true, testStatus: "pass", reviewStatus: "not_satisfied" }, "satisfied"],
    ["a failing test gives not satisfied, whatever the review says", { hasAutomatedTest: true, testStatus: "fail", reviewStatus: "satisfied" }, "not_satisfied"],
    ["a test with nothing to check gives not applicable", { hasAutomatedTest: true, testStatus: "not_applicable" }, "not_applicable"],
    ["a test not yet run falls back to the review", { hasAutomatedTest: true, testStatus: null, reviewStatus: "satisfied" }, "satisfied"],
    ["an override wins over a failing test", { hasAutomatedTest: true, testStatus: "fail", overrideStatus: "not_applicable" }, "not_applicable"],
    ["a stale test result of a control whose provider was removed is ignored", { hasAutomatedTest: false, testStatus: "fail", reviewStatus: "satisfied" }, "satisfied"],
  ];
  it.each(cases)("%s", (_n, input, expected) => expect(effectiveStatus(input)).toBe(expected));
});

describe("review cycle", () => {
  it("next review = reviewed + frequency days (GDPR Art. 32(1)(d): regularly testing and evaluating)", () => {
    expect(nextReviewAt(new Date("2026-01-31T10:00:00Z"), 90).toISOString()).toBe("2026-05-01T10:00:00.000Z");
  });
  it.each([
    ["no next review date is never overdue", null, false],
    ["due in the future is not overdue", new Date("2026-06-02T00:00:00Z"), false],
    ["due exactly now is not yet overdue", new Date("2026-06-01T00:00:00Z"), false],
    ["due one millisecond ago is overdue", new Date("2026-05-31T23:59:59.999Z"), true],
  ] as const)("%s", (_n, due, expected) => expect(isOverdue(due, new Date("2026-06-01T00:00:00Z"))).toBe(expected));
  it("counts by status include zeroes", () => {
    expect(countByStatus([{ status: "satisfied" }, { status: "satisfied" }, { status: "not_reviewed" }])).toEqual({ satisfied: 2, partial: 0, not_satisfied: 0, not_applicable: 0, not_reviewed: 1 });
  });
});
