import { describe, expect, it } from "vitest";
import { find, regime, run } from "../test-fixtures";
import type { ComputeOptions, Incident } from "../types";

// Discovery Monday 2 March 2026 (UTC): day 60 is 1 May 2026; 2026 breaches log to 1 March 2027.
const D60 = "2026-05-01T23:59:59.999Z";
const ANNUAL_2026 = "2027-03-01T23:59:59.999Z";
const CE: Partial<Incident> = { roles: ["covered_entity"], phi: true };
const TX10 = [{ jurisdiction: "US-TX", count: 10 }];

interface Case {
  readonly name: string;
  readonly incident: Partial<Incident>;
  readonly options?: ComputeOptions;
  readonly expected: Record<string, string | null>;
}

const cases: Case[] = [
  { name: "45 CFR 164.404(b) + 164.408(c) 10 individuals: individuals day 60, HHS 60 days after year end", incident: { ...CE, affected: TX10 }, expected: { "HIPAA:individuals": D60, "HIPAA:hhs": ANNUAL_2026 } },
  { name: "45 CFR 164.406(a) exactly 500 residents -> no media; 164.408(b) 500 -> HHS contemporaneously", incident: { ...CE, affected: [{ jurisdiction: "US-CA", count: 500 }] }, expected: { "HIPAA:individuals": D60, "HIPAA:hhs": D60 } },
  { name: "45 CFR 164.406(a) 501 residents of a State -> media for that State", incident: { ...CE, affected: [{ jurisdiction: "US-CA", count: 501 }] }, expected: { "HIPAA:individuals": D60, "HIPAA:media:US-CA": D60, "HIPAA:hhs": D60 } },
  { name: "45 CFR 164.408(c) 499 individuals -> annual HHS notice", incident: { ...CE, affected: [{ jurisdiction: "US-CA", count: 499 }] }, expected: { "HIPAA:individuals": D60, "HIPAA:hhs": ANNUAL_2026 } },
  { name: "45 CFR 164.406(a)/164.408(b) 300 + 300 in two States: HHS contemporaneously (600), no media (none > 500)", incident: { ...CE, affected: [{ jurisdiction: "US-CA", count: 300 }, { jurisdiction: "US-TX", count: 300 }] }, expected: { "HIPAA:individuals": D60, "HIPAA:hhs": D60 } },
  { name: "45 CFR 164.406(a) media per State: 501 in CA and 600 in NY -> two media notices", incident: { ...CE, affected: [{ jurisdiction: "US-CA", count: 501 }, { jurisdiction: "US-NY", count: 600 }] }, expected: { "HIPAA:individuals": D60, "HIPAA:media:US-CA": D60, "HIPAA:media:US-NY": D60, "HIPAA:hhs": D60 } },
  { name: "45 CFR 164.402 encrypted PHI (key not compromised) is secured -> no HIPAA notice", incident: { ...CE, encrypted: true, affected: [{ jurisdiction: "US-CA", count: 900 }] }, expected: {} },
  { name: "45 CFR 164.402(2) documented low probability of compromise -> no HIPAA notice", incident: { ...CE, hipaaLowProbabilityOfCompromise: true, affected: TX10 }, expected: {} },
  { name: "45 CFR 164.402 no PHI -> no HIPAA notice", incident: { ...CE, phi: false, affected: TX10 }, expected: {} },
  { name: "45 CFR 164.410(b) business associate -> covered entity within 60 days, no individual notice", incident: { roles: ["business_associate"], phi: true, affected: [{ jurisdiction: "US-CA", count: 900 }] }, expected: { "HIPAA:covered_entity": D60 } },
  { name: "45 CFR 164.404(b)/164.410(b) covered entity and business associate roles together", incident: { roles: ["covered_entity", "business_associate"], phi: true, affected: TX10 }, expected: { "HIPAA:individuals": D60, "HIPAA:hhs": ANNUAL_2026, "HIPAA:covered_entity": D60 } },
  { name: "45 CFR 164.404(b) no roles recorded + PHI -> treated as covered entity", incident: { roles: [], phi: true, affected: TX10 }, expected: { "HIPAA:individuals": D60, "HIPAA:hhs": ANNUAL_2026 } },
  { name: "45 CFR 164.404(b) controller-only role -> no HIPAA notice", incident: { roles: ["controller"], phi: true, affected: TX10 }, expected: {} },
  // Year end and leap years.
  { name: "45 CFR 164.408(c) discovered 31 Dec 2026 (UTC): individuals 1 Mar 2027, HHS for 2026 on 1 Mar 2027", incident: { ...CE, discoveredAt: "2026-12-31T12:00:00Z", affected: TX10 }, expected: { "HIPAA:individuals": "2027-03-01T23:59:59.999Z", "HIPAA:hhs": "2027-03-01T23:59:59.999Z" } },
  { name: "45 CFR 164.408(c) 20:00 on 31 Dec 2026 in America/Los_Angeles is a 2026 breach (1 Mar 2027 PST)", incident: { ...CE, discoveredAt: "2027-01-01T04:00:00Z", affected: TX10 }, options: { timeZone: "America/Los_Angeles" }, expected: { "HIPAA:individuals": "2027-03-02T07:59:59.999Z", "HIPAA:hhs": "2027-03-02T07:59:59.999Z" } },
  { name: "45 CFR 164.408(c) the same instant in UTC is a 2027 breach -> 29 Feb 2028 (leap year)", incident: { ...CE, discoveredAt: "2027-01-01T04:00:00Z", affected: TX10 }, expected: { "HIPAA:individuals": "2027-03-02T23:59:59.999Z", "HIPAA:hhs": "2028-02-29T23:59:59.999Z" } },
  { name: "45 CFR 164.408(c) 2027 breach -> HHS 29 Feb 2028; 164.404(b) day 60 from 15 June", incident: { ...CE, discoveredAt: "2027-06-15T10:00:00Z", affected: TX10 }, expected: { "HIPAA:individuals": "2027-08-14T23:59:59.999Z", "HIPAA:hhs": "2028-02-29T23:59:59.999Z" } },
  { name: "45 CFR 164.404(b) discovered 31 Dec 2027 -> day 60 is 29 Feb 2028", incident: { ...CE, discoveredAt: "2027-12-31T10:00:00Z", affected: TX10 }, expected: { "HIPAA:individuals": "2028-02-29T23:59:59.999Z", "HIPAA:hhs": "2028-02-29T23:59:59.999Z" } },
  // 164.412 law-enforcement delay, policy later_of (default).
  { name: "45 CFR 164.412(a) written delay to 15 June -> later of day 60 and the delay", incident: { ...CE, affected: TX10, lawEnforcementDelay: { until: "2026-06-15", written: true } }, expected: { "HIPAA:individuals": "2026-06-15T23:59:59.999Z", "HIPAA:hhs": ANNUAL_2026 } },
  { name: "45 CFR 164.412(a) written delay ending before day 60 -> day 60", incident: { ...CE, affected: TX10, lawEnforcementDelay: { until: "2026-04-01", written: true } }, expected: { "HIPAA:individuals": D60, "HIPAA:hhs": ANNUAL_2026 } },
  { name: "45 CFR 164.412(b) oral delay: at most 30 days from the statement (20 Apr -> 20 May)", incident: { ...CE, affected: TX10, lawEnforcementDelay: { until: "2026-12-31", written: false, statedAt: "2026-04-20T15:00:00Z" } }, expected: { "HIPAA:individuals": "2026-05-20T23:59:59.999Z", "HIPAA:hhs": ANNUAL_2026 } },
  { name: "45 CFR 164.412(b) oral delay shorter than 30 days ends on its own date", incident: { ...CE, affected: TX10, lawEnforcementDelay: { until: "2026-05-10", written: false, statedAt: "2026-04-20" } }, expected: { "HIPAA:individuals": "2026-05-10T23:59:59.999Z", "HIPAA:hhs": ANNUAL_2026 } },
  { name: "45 CFR 164.412(b) oral delay without statedAt runs from discovery (ends 1 Apr) -> day 60", incident: { ...CE, affected: TX10, lawEnforcementDelay: { until: "2026-12-31", written: false } }, expected: { "HIPAA:individuals": D60, "HIPAA:hhs": ANNUAL_2026 } },
  { name: "45 CFR 164.412 statement made after day 60 does not move an overdue notice", incident: { ...CE, affected: TX10, lawEnforcementDelay: { until: "2026-07-01", written: true, statedAt: "2026-05-10" } }, expected: { "HIPAA:individuals": D60, "HIPAA:hhs": ANNUAL_2026 } },
  { name: "45 CFR 164.412(a) delay moves media and contemporaneous HHS notices too (164.406, 164.408(b))", incident: { ...CE, affected: [{ jurisdiction: "US-CA", count: 600 }], lawEnforcementDelay: { until: "2026-06-15", written: true } }, expected: { "HIPAA:individuals": "2026-06-15T23:59:59.999Z", "HIPAA:media:US-CA": "2026-06-15T23:59:59.999Z", "HIPAA:hhs": "2026-06-15T23:59:59.999Z" } },
  { name: "45 CFR 164.412(a)/164.408(c) a delay past the annual date moves the annual HHS notice", incident: { ...CE, affected: TX10, lawEnforcementDelay: { until: "2027-04-01", written: true } }, expected: { "HIPAA:individuals": "2027-04-01T23:59:59.999Z", "HIPAA:hhs": "2027-04-01T23:59:59.999Z" } },
  { name: "45 CFR 164.410(b)/164.412(a) business associate notice is delayed too", incident: { roles: ["business_associate"], phi: true, affected: TX10, lawEnforcementDelay: { until: "2026-06-15", written: true } }, expected: { "HIPAA:covered_entity": "2026-06-15T23:59:59.999Z" } },
  // Policy tolled.
  { name: "45 CFR 164.412(a) tolled: 10 days used before the written statement, 50 run after 30 Apr -> 19 Jun", incident: { ...CE, affected: TX10, lawEnforcementDelay: { until: "2026-04-30", written: true, statedAt: "2026-03-12" } }, options: { hipaaLawEnforcementPolicy: "tolled" }, expected: { "HIPAA:individuals": "2026-06-19T23:59:59.999Z", "HIPAA:hhs": ANNUAL_2026 } },
  { name: "45 CFR 164.412(b) tolled oral: delay 12 Mar -> 11 Apr (30 days), 50 days left -> 31 May", incident: { ...CE, affected: TX10, lawEnforcementDelay: { until: "2026-12-31", written: false, statedAt: "2026-03-12" } }, options: { hipaaLawEnforcementPolicy: "tolled" }, expected: { "HIPAA:individuals": "2026-05-31T23:59:59.999Z", "HIPAA:hhs": ANNUAL_2026 } },
  { name: "45 CFR 164.412(a) tolled from discovery: 60 days after the delay ends (30 Apr -> 29 Jun)", incident: { ...CE, affected: TX10, lawEnforcementDelay: { until: "2026-04-30", written: true } }, options: { hipaaLawEnforcementPolicy: "tolled" }, expected: { "HIPAA:individuals": "2026-06-29T23:59:59.999Z", "HIPAA:hhs": ANNUAL_2026 } },
  { name: "45 CFR 164.412(a) later_of with the same delay -> day 60 wins", incident: { ...CE, affected: TX10, lawEnforcementDelay: { until: "2026-04-30", written: true, statedAt: "2026-03-12" } }, expected: { "HIPAA:individuals": D60, "HIPAA:hhs": ANNUAL_2026 } },
];

describe("HIPAA Breach Notification Rule, 45 CFR 164.400-414", () => {
  it.each(cases)("$name", (c) => {
    const hipaa = regime(run(c.incident, c.options), "HIPAA");
    expect(Object.fromEntries(hipaa.map((o) => [o.key, o.dueAt]))).toEqual(c.expected);
  });

  it("45 CFR 164.404(c) checklist, citation, discovery trigger and rule version on the individual notice", () => {
    const o = find(run({ ...CE, affected: TX10 }), "HIPAA:individuals");
    expect(o).toMatchObject({ regime: "HIPAA", recipient: "individuals", citation: "45 CFR 164.404(b)", trigger: "discovery", ruleVersion: "hipaa-164.400-414@2013-09-23" });
    expect(o.contentChecklist.filter((c) => /164\.404\(c\)\(1\)\([A-E]\)/.test(c))).toHaveLength(5);
    expect(o.contentChecklist.join(" ")).toMatch(/toll-free/);
  });

  it("45 CFR 164.406/164.408(b)/164.408(c)/164.410(b) citations and jurisdiction on each row", () => {
    const all = run({ roles: ["covered_entity", "business_associate"], phi: true, affected: [{ jurisdiction: "US-CA", count: 501 }] });
    expect(find(all, "HIPAA:media:US-CA")).toMatchObject({ citation: "45 CFR 164.406(a)-(b)", jurisdiction: "US-CA", recipient: "media" });
    expect(find(all, "HIPAA:hhs").citation).toBe("45 CFR 164.408(b)");
    expect(find(all, "HIPAA:covered_entity").citation).toBe("45 CFR 164.410(b)");
    expect(find(run({ ...CE, affected: TX10 }), "HIPAA:hhs").citation).toBe("45 CFR 164.408(c)");
  });
});

describe("HIPAA fixes (issue 15)", () => {
  it("45 CFR 160.103: Puerto Rico is a State for the media notice (501 residents of US-PR or PR)", () => {
    for (const jurisdiction of ["US-PR", "PR"]) {
      const out = run({ phi: true, roles: ["covered_entity"], affected: [{ jurisdiction, count: 501 }] });
      expect(out.map((o) => o.key)).toContain(`HIPAA:media:${jurisdiction}`);
    }
  });

  it("164.408(b): 500+ -> HHS due with the individual notices once they are recorded as sent", () => {
    const affected = [{ jurisdiction: "US-TX", count: 600 }];
    const before = run({ phi: true, roles: ["covered_entity"], affected });
    expect(before.find((o) => o.key === "HIPAA:hhs")?.dueAt).toBe("2026-05-01T23:59:59.999Z");
    const after = run({ phi: true, roles: ["covered_entity"], affected }, { sentAt: { "HIPAA:individuals": "2026-03-20T14:00:00Z" } });
    expect(after.find((o) => o.key === "HIPAA:hhs")).toMatchObject({ dueAt: "2026-03-20T14:00:00.000Z", dependsOn: "HIPAA:individuals" });
  });
});
