import { describe, expect, it } from "vitest";
import { activityFindings, addMonths, assetFindings, type ActivityFacts, type AssetFacts, type FindingRule } from "@/lib/inventory/findings";

const NOW = new Date("2026-06-15T12:00:00Z");

const goodAsset: AssetFacts = {
  id: "a1",
  name: "CRM",
  ownerId: "u1",
  dataCategories: ["contact", "identity"],
  encryptionAtRest: "provider_managed",
  retentionMonths: 24,
  nextReviewAt: new Date("2026-12-01T00:00:00Z"),
};

const goodActivity: ActivityFacts = {
  id: "p1",
  name: "Payroll",
  role: "controller",
  purposes: [{ purpose: "Pay salaries", lawfulBasis: "contract" }],
  dataCategories: ["identity", "financial"],
  art9Condition: null,
  transfers: [],
  erasureTimeLimit: "10 years after employment ends",
  dpiaRequired: false,
  dpiaStatus: "not_started",
  nextReviewAt: new Date("2026-12-01T00:00:00Z"),
};

const rules = (fs: { rule: FindingRule }[]) => fs.map((f) => f.rule).sort();

describe("asset findings", () => {
  const cases: [string, Partial<AssetFacts>, FindingRule[]][] = [
    ["a complete, encrypted, owned asset has no findings", {}, []],
    ["GDPR Art. 32(1)(a): personal data with encryption at rest 'none' is flagged", { encryptionAtRest: "none" }, ["personal_data_not_encrypted_at_rest"]],
    ["GDPR Art. 32(1)(a): customer-managed keys satisfy the rule", { encryptionAtRest: "customer_managed" }, []],
    ["GDPR Art. 32(1)(a): an unencrypted asset holding no personal data is not flagged", { encryptionAtRest: "none", dataCategories: [], ownerId: null, retentionMonths: null }, []],
    ["GDPR Art. 5(2), Art. 24(1): personal data without an owner is flagged", { ownerId: null }, ["asset_without_owner"]],
    ["GDPR Art. 5(1)(e): personal data without a retention period is flagged", { retentionMonths: null }, ["no_retention_period"]],
    ["GDPR Art. 24(1): next review date in the past is overdue", { nextReviewAt: new Date("2026-06-15T11:59:59Z") }, ["review_overdue"]],
    ["GDPR Art. 24(1): next review date exactly now is not yet overdue", { nextReviewAt: NOW }, []],
    ["GDPR Art. 24(1): no review date set is not overdue", { nextReviewAt: null }, []],
    [
      "GDPR Art. 9, 32, 5, 24: special-category data, no encryption, no owner, no retention, overdue gives four findings",
      { dataCategories: ["health"], encryptionAtRest: "none", ownerId: null, retentionMonths: null, nextReviewAt: new Date("2025-01-01T00:00:00Z") },
      ["asset_without_owner", "no_retention_period", "personal_data_not_encrypted_at_rest", "review_overdue"],
    ],
  ];
  it.each(cases)("%s", (_name, patch, expected) => {
    expect(rules(assetFindings({ ...goodAsset, ...patch }, NOW))).toEqual([...expected].sort());
  });

  it("a finding names the rule, its citation and the record", () => {
    const [f] = assetFindings({ ...goodAsset, encryptionAtRest: "none" }, NOW);
    expect(f).toMatchObject({ rule: "personal_data_not_encrypted_at_rest", citation: "GDPR Art. 32(1)(a)", recordKind: "asset", recordId: "a1", recordName: "CRM" });
  });
});

describe("processing activity findings", () => {
  const cases: [string, Partial<ActivityFacts>, FindingRule[]][] = [
    ["a complete Art. 30 record has no findings", {}, []],
    ["GDPR Art. 6(1): no purposes at all means no lawful basis", { purposes: [] }, ["no_lawful_basis"]],
    ["GDPR Art. 6(1): one purpose of two without a basis is flagged", { purposes: [{ purpose: "Pay salaries", lawfulBasis: "contract" }, { purpose: "Analytics", lawfulBasis: null }] }, ["no_lawful_basis"]],
    ["GDPR Art. 6(1)(f): legitimate interests is a lawful basis", { purposes: [{ purpose: "Fraud prevention", lawfulBasis: "legitimate_interests" }] }, []],
    ["GDPR Art. 9(2): health data without a condition is flagged", { dataCategories: ["health"] }, ["special_category_without_art9_condition"]],
    ["GDPR Art. 9(2)(h): health data with the health-care condition is fine", { dataCategories: ["health"], art9Condition: "health_care" }, []],
    ["GDPR Art. 9(1): biometric data is a special category", { dataCategories: ["biometric"] }, ["special_category_without_art9_condition"]],
    ["GDPR Art. 10: criminal-offence data needs a condition too", { dataCategories: ["criminal"] }, ["special_category_without_art9_condition"]],
    ["GDPR Art. 9(1): an SSN is not a GDPR special category", { dataCategories: ["ssn"] }, []],
    ["GDPR Art. 44: a transfer to the US with no safeguard is flagged", { transfers: [{ country: "US", safeguard: "none" }] }, ["transfer_without_safeguard"]],
    ["GDPR Art. 46(2)(c): a transfer under SCCs is fine", { transfers: [{ country: "US", safeguard: "scc" }] }, []],
    ["GDPR Art. 45: a transfer under an adequacy decision is fine", { transfers: [{ country: "JP", safeguard: "adequacy" }] }, []],
    ["GDPR Art. 49: a transfer under a derogation is fine", { transfers: [{ country: "IN", safeguard: "derogation" }] }, []],
    ["GDPR Art. 44: a transfer inside the EEA (NO) needs no safeguard", { transfers: [{ country: "NO", safeguard: "none" }] }, []],
    ["GDPR Art. 30(1)(f): no erasure time limit is flagged", { erasureTimeLimit: null }, ["no_retention_period"]],
    ["GDPR Art. 35(1): DPIA required and not started is flagged", { dpiaRequired: true, dpiaStatus: "not_started" }, ["dpia_not_done"]],
    ["GDPR Art. 35(1): DPIA required and in progress is still flagged", { dpiaRequired: true, dpiaStatus: "in_progress" }, ["dpia_not_done"]],
    ["GDPR Art. 35(1): DPIA required and completed is fine", { dpiaRequired: true, dpiaStatus: "completed" }, []],
    ["GDPR Art. 35(1): DPIA not required is fine whatever its status", { dpiaRequired: false, dpiaStatus: "not_started" }, []],
    ["GDPR Art. 24(1): an overdue review is flagged", { nextReviewAt: new Date("2026-01-01T00:00:00Z") }, ["review_overdue"]],
    [
      "GDPR Art. 30(2): a processor's record is not flagged for the controller's duties (basis, Art. 9, erasure, DPIA)",
      { role: "processor", purposes: [], dataCategories: ["health"], erasureTimeLimit: null, dpiaRequired: true },
      [],
    ],
    ["GDPR Art. 44: a processor's transfer without a safeguard is still flagged", { role: "processor", transfers: [{ country: "US", safeguard: "none" }] }, ["transfer_without_safeguard"]],
  ];
  it.each(cases)("%s", (_name, patch, expected) => {
    expect(rules(activityFindings({ ...goodActivity, ...patch }, NOW))).toEqual([...expected].sort());
  });

  it("GDPR Art. 6(1): the finding names the purposes that lack a basis", () => {
    const [f] = activityFindings({ ...goodActivity, purposes: [{ purpose: "Analytics", lawfulBasis: null }] }, NOW);
    expect(f!.detail).toContain("Analytics");
    expect(f!.recordName).toBe("Payroll");
  });
});

describe("review cycle dates", () => {
  const cases: [string, string, number, string][] = [
    ["12 months from a mid-month date", "2026-03-10T09:00:00Z", 12, "2027-03-10T09:00:00.000Z"],
    ["31 January + 1 month clamps to 28 February", "2026-01-31T00:00:00Z", 1, "2026-02-28T00:00:00.000Z"],
    ["29 February + 12 months clamps to 28 February", "2028-02-29T00:00:00Z", 12, "2029-02-28T00:00:00.000Z"],
    ["6 months across a year end", "2026-10-15T00:00:00Z", 6, "2027-04-15T00:00:00.000Z"],
  ];
  it.each(cases)("%s", (_n, from, months, expected) => {
    expect(addMonths(new Date(from), months).toISOString()).toBe(expected);
  });
});
