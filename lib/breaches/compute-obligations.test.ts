import { describe, expect, it } from "vitest";
import { CATALOGUE, MISSING_RULES, catalogueProblems, rulesInForce } from "./catalogue";
import { computeObligations } from "./compute-obligations";
import { defineRule } from "./rules/context";
import { BASE, dueByKey, incident, keys, run } from "./test-fixtures";
import { RECIPIENTS } from "./types";
import type { Incident } from "./types";

const EVERYTHING: Incident = incident({
  discoveredAt: "2026-03-10T06:30:00Z",
  roles: ["controller", "covered_entity", "ai_provider"],
  phi: true,
  riskLevel: "high",
  affected: [
    { jurisdiction: "DE", count: 40 },
    { jurisdiction: "GB", count: 7 },
    { jurisdiction: "US-CA", count: 501 },
    { jurisdiction: "US-TX", count: 250 },
    { jurisdiction: "US-NY", count: 3 },
  ],
  aiSeriousIncident: { kind: "death" },
});

describe("computeObligations: one incident, every clock", () => {
  it("GDPR Art. 33-34, UK GDPR, 45 CFR 164.404-408, Cal. Civ. Code 1798.82, Tex. 521.053, N.Y. 899-aa in one incident, EU AI Act Art. 73 not yet applicable (America/Los_Angeles)", () => {
    const all = computeObligations(EVERYTHING, { timeZone: "America/Los_Angeles" });
    expect(dueByKey(all)).toEqual({
      "GDPR:supervisory_authority:DE": "2026-03-13T06:30:00.000Z",
      "GDPR:data_subjects:DE": null,
      "GDPR:register": null,
      "UK-GDPR:supervisory_authority:GB": "2026-03-13T06:30:00.000Z",
      "UK-GDPR:data_subjects:GB": null,
      "UK-GDPR:register": null,
      "HIPAA:individuals": "2026-05-09T06:59:59.999Z",
      "HIPAA:media:US-CA": "2026-05-09T06:59:59.999Z",
      "HIPAA:hhs": "2026-05-09T06:59:59.999Z",
      // No EU-AI-ACT row: discovered 10 March 2026, before Art. 73 applies (2 August 2026, Art. 113).
      "US-CA:individuals": "2026-04-09T06:59:59.999Z",
      "US-CA:attorney_general": null,
      "US-NY:individuals": "2026-04-09T06:59:59.999Z",
      "US-NY:attorney_general": null,
      "US-NY:state_regulator": null,
      "US-NY:state_police": null,
      "US-NY:attorney_general:hipaa": null,
      "US-TX:individuals": "2026-05-09T06:59:59.999Z",
      "US-TX:attorney_general": "2026-04-09T06:59:59.999Z",
    });
  });

  it("GDPR Art. 34(3)(a), 45 CFR 164.402, Cal. Civ. Code 1798.82(a): encrypted data leaves only Art. 33 and the register", () => {
    const { aiSeriousIncident: _notAnAiIncident, ...withoutAi } = EVERYTHING;
    const all = computeObligations({ ...withoutAi, encrypted: true });
    expect(keys(all)).toEqual(["GDPR:supervisory_authority:DE", "GDPR:register", "UK-GDPR:supervisory_authority:GB", "UK-GDPR:register"]);
  });

  it("is deterministic and does not mutate its input (no clock, no I/O)", () => {
    const frozen = JSON.parse(JSON.stringify(EVERYTHING)) as Incident;
    const a = computeObligations(EVERYTHING, { timeZone: "Europe/Paris" });
    const b = computeObligations(EVERYTHING, { timeZone: "Europe/Paris" });
    expect(a).toEqual(b);
    expect(EVERYTHING).toEqual(frozen);
  });

  it("every obligation has a unique key, a known recipient, a citation, a rule version and a due rule", () => {
    const all = computeObligations(EVERYTHING);
    expect(new Set(keys(all)).size).toBe(all.length);
    for (const o of all) {
      expect(RECIPIENTS).toContain(o.recipient);
      expect(o.citation.length).toBeGreaterThan(0);
      expect(o.ruleVersion).toMatch(/^[a-z0-9.-]+@\d{4}-\d{2}-\d{2}$/);
      expect(o.dueRule.length).toBeGreaterThan(0);
      if (o.dueAt !== null) expect(new Date(o.dueAt).toISOString()).toBe(o.dueAt);
    }
  });

  it("duplicate jurisdictions are summed (45 CFR 164.406(a): 300 + 201 in US-CA is more than 500)", () => {
    const all = run({ roles: ["covered_entity"], phi: true, affected: [{ jurisdiction: "US-CA", count: 300 }, { jurisdiction: "us-ca", count: 201 }] });
    expect(keys(all)).toContain("HIPAA:media:US-CA");
    expect(keys(all)).toContain("US-CA:attorney_general");
  });

  it("rejects malformed input instead of guessing", () => {
    expect(() => computeObligations({ ...BASE, discoveredAt: "yesterday" })).toThrow(RangeError);
    expect(() => computeObligations({ ...BASE, affected: [{ jurisdiction: "DE", count: -1 }] })).toThrow(RangeError);
    expect(() => computeObligations({ ...BASE, affected: [{ jurisdiction: "DE", count: 1.5 }] })).toThrow(RangeError);
    expect(() => computeObligations(BASE, { timeZone: "Nowhere/Special" })).toThrow(RangeError);
    expect(() => computeObligations(BASE, { sentAt: { "US-CA:individuals": "later" } })).toThrow(RangeError);
  });
});

describe("versioned catalogue: a change of law adds a version", () => {
  it("catalogue is well formed (unique versions, ISO dates)", () => {
    expect(catalogueProblems()).toEqual([]);
    expect(catalogueProblems([...CATALOGUE, CATALOGUE[0]!])).toEqual([`duplicate version ${CATALOGUE[0]!.version}`]);
  });

  it.each([
    { date: "2025-12-31", family: "us-ca-1798.82", version: "us-ca-1798.82@2016-01-01" },
    { date: "2026-01-01", family: "us-ca-1798.82", version: "us-ca-1798.82@2026-01-01" },
    { date: "2024-12-20", family: "us-ny-899-aa", version: "us-ny-899-aa@2019-10-23" },
    { date: "2024-12-21", family: "us-ny-899-aa", version: "us-ny-899-aa@2024-12-21" },
    { date: "2015-12-31", family: "us-ca-1798.82", version: undefined },
  ])("Cal. Civ. Code 1798.82 / N.Y. GBL 899-aa version in force on $date: $version", ({ date, family, version }) => {
    expect(rulesInForce(date).find((r) => r.family === family)?.version).toBe(version);
  });

  it("a future amendment does not rewrite history: earlier incidents keep the old version", () => {
    const amended = defineRule("us-ca-1798.82", "2030-01-01", () => []);
    const catalogue = [...CATALOGUE, amended];
    expect(rulesInForce("2029-12-31", catalogue).find((r) => r.family === "us-ca-1798.82")?.version).toBe("us-ca-1798.82@2026-01-01");
    expect(rulesInForce("2030-01-01", catalogue).find((r) => r.family === "us-ca-1798.82")?.version).toBe("us-ca-1798.82@2030-01-01");
  });

  it("obligations record the version that produced them (Cal. Civ. Code 1798.82 before and after SB 446)", () => {
    const before = run({ discoveredAt: "2025-06-01T00:00:00Z", affected: [{ jurisdiction: "US-CA", count: 1 }] });
    const after = run({ discoveredAt: "2026-06-01T00:00:00Z", affected: [{ jurisdiction: "US-CA", count: 1 }] });
    expect(before[0]?.ruleVersion).toBe("us-ca-1798.82@2016-01-01");
    expect(after[0]?.ruleVersion).toBe("us-ca-1798.82@2026-01-01");
  });

  it("MISSING_RULES lists the unconfirmed rules with reasons (docs/breach-rules.md, 'Rules not encoded')", () => {
    const text = MISSING_RULES.map((m) => `${m.regime} ${m.rule} ${m.reason}`).join("\n");
    expect(text).toMatch(/164\.412/);
    expect(text).toMatch(/1798\.82\(e\)/);
    expect(text).toMatch(/501\.171/);
    expect(text).toMatch(/75-65/);
    for (const m of MISSING_RULES) expect(m.reason.length).toBeGreaterThan(10);
  });
});
