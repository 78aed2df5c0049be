import { describe, expect, it } from "vitest";
import { find, regime, run } from "../test-fixtures";
import type { ComputeOptions, Incident } from "../types";

const CA = (count: number): Incident["affected"] => [{ jurisdiction: "US-CA", count }];
// Discovery 10 February 2026, 12:00 UTC: day 30 is 12 March 2026.
const AT = "2026-02-10T12:00:00Z";
const D30 = "2026-03-12T23:59:59.999Z";

interface Case {
  readonly name: string;
  readonly incident: Partial<Incident>;
  readonly options?: ComputeOptions;
  readonly expected: Record<string, string | null>;
}

const cases: Case[] = [
  { name: "Cal. Civ. Code 1798.82(a) (SB 446) residents within 30 days of discovery; 100 residents -> no AG", incident: { affected: CA(100) }, expected: { "US-CA:individuals": D30 } },
  { name: "Cal. Civ. Code 1798.82(f) exactly 500 residents -> no AG sample copy", incident: { affected: CA(500) }, expected: { "US-CA:individuals": D30 } },
  { name: "Cal. Civ. Code 1798.82(f) 501 residents, consumer notice not yet sent -> AG dueAt null", incident: { affected: CA(501) }, expected: { "US-CA:individuals": D30, "US-CA:attorney_general": null } },
  { name: "Cal. Civ. Code 1798.82(f) 501 residents, consumer notice sent 1 Mar -> AG 15 days later (16 Mar)", incident: { affected: CA(501) }, options: { sentAt: { "US-CA:individuals": "2026-03-01T18:00:00Z" } }, expected: { "US-CA:individuals": D30, "US-CA:attorney_general": "2026-03-16T23:59:59.999Z" } },
  { name: "Cal. Civ. Code 1798.82(f) consumer notice sent 22:00 PST on 1 Mar (06:00Z 2 Mar) -> AG end of 16 Mar Pacific", incident: { affected: CA(501) }, options: { timeZone: "America/Los_Angeles", sentAt: { "US-CA:individuals": "2026-03-02T06:00:00Z" } }, expected: { "US-CA:individuals": "2026-03-13T06:59:59.999Z", "US-CA:attorney_general": "2026-03-17T06:59:59.999Z" } },
  { name: "Cal. Civ. Code 1798.82(f) sentAt of an unrelated obligation does not start the AG clock", incident: { affected: CA(501) }, options: { sentAt: { "HIPAA:individuals": "2026-03-01T18:00:00Z" } }, expected: { "US-CA:individuals": D30, "US-CA:attorney_general": null } },
  { name: "Cal. Civ. Code 1798.82(a) encrypted data (key not acquired) -> no resident or AG notice", incident: { encrypted: true, affected: CA(5000) }, expected: {} },
  { name: "Cal. Civ. Code 1798.82(a) America/Los_Angeles discovery 23:30 local -> day 0 is the local date", incident: { discoveredAt: "2026-03-10T06:30:00Z", affected: CA(10) }, options: { timeZone: "America/Los_Angeles" }, expected: { "US-CA:individuals": "2026-04-09T06:59:59.999Z" } },
  { name: "Cal. Civ. Code 1798.82(a) the same instant in UTC falls a day later", incident: { discoveredAt: "2026-03-10T06:30:00Z", affected: CA(10) }, expected: { "US-CA:individuals": "2026-04-09T23:59:59.999Z" } },
  { name: "Cal. Civ. Code 1798.82(a) before SB 446 (discovered 31 Dec 2025): no fixed period, AG copy without period", incident: { discoveredAt: "2025-12-31T12:00:00Z", affected: CA(501) }, expected: { "US-CA:individuals": null, "US-CA:attorney_general": null } },
  { name: "Cal. Civ. Code 1798.82 version by local date: 21:00 PST 31 Dec 2025 is pre-SB 446 in Los Angeles", incident: { discoveredAt: "2026-01-01T05:00:00Z", affected: CA(10) }, options: { timeZone: "America/Los_Angeles" }, expected: { "US-CA:individuals": null } },
  { name: "Cal. Civ. Code 1798.82(a) the same instant in UTC is under SB 446 (30 days)", incident: { discoveredAt: "2026-01-01T05:00:00Z", affected: CA(10) }, expected: { "US-CA:individuals": "2026-01-31T23:59:59.999Z" } },
  { name: "Cal. Civ. Code 1798.82(b) data maintainer (processor) -> owner immediately, no resident notice", incident: { roles: ["processor"], affected: CA(900) }, expected: { "US-CA:data_owner": null } },
  { name: "Cal. Civ. Code 1798.82(a) covered entity with PHI: the timeline still applies (1798.82(e) is content only)", incident: { roles: ["covered_entity"], phi: true, affected: CA(10) }, expected: { "US-CA:individuals": D30 } },
  { name: "Cal. Civ. Code 1798.82(c) law-enforcement delay to 1 May (policy later_of) moves the resident notice", incident: { affected: CA(10), lawEnforcementDelay: { until: "2026-05-01", written: true } }, expected: { "US-CA:individuals": "2026-05-01T23:59:59.999Z" } },
  { name: "Cal. Civ. Code 1798.82(c) policy ignore keeps the 30 days", incident: { affected: CA(10), lawEnforcementDelay: { until: "2026-05-01", written: true } }, options: { stateLawEnforcementPolicy: "ignore" }, expected: { "US-CA:individuals": D30 } },
  { name: "Cal. Civ. Code 1798.82 no California residents -> nothing", incident: { affected: [{ jurisdiction: "US-NV", count: 10 }] }, expected: {} },
];

describe("California Civil Code 1798.82 (SB 446)", () => {
  it.each(cases)("$name", (c) => {
    const ca = regime(run({ discoveredAt: AT, ...c.incident }, c.options), "US-CA");
    expect(Object.fromEntries(ca.map((o) => [o.key, o.dueAt]))).toEqual(c.expected);
  });

  it("Cal. Civ. Code 1798.82(d)(1) 'Notice of Data Breach' title and five headings; SB 446 rule version", () => {
    const o = find(run({ discoveredAt: AT, affected: CA(10) }), "US-CA:individuals");
    expect(o).toMatchObject({ regime: "US-CA", recipient: "individuals", jurisdiction: "US-CA", trigger: "discovery", ruleVersion: "us-ca-1798.82@2026-01-01" });
    expect(o.citation).toMatch(/1798\.82\(a\).*SB 446/);
    const text = o.contentChecklist.join(" | ");
    for (const heading of ["Notice of Data Breach", "What Happened", "What Information Was Involved", "What We Are Doing", "What You Can Do", "For More Information"]) {
      expect(text).toContain(heading);
    }
  });

  it("Cal. Civ. Code 1798.82(f) AG obligation depends on the resident notice and says why it has no date yet", () => {
    const o = find(run({ discoveredAt: AT, affected: CA(501) }), "US-CA:attorney_general");
    expect(o.dependsOn).toBe("US-CA:individuals");
    expect(o.dueRule).toMatch(/15 calendar days of notifying consumers/);
    expect(o.contentChecklist.join(" ")).toMatch(/sample copy/);
  });
});
