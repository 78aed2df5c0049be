import { describe, expect, it } from "vitest";
import { NO_ORGANISATION_FACTS, type OrganisationFacts } from "../organisation";
import { dueByKey, regime, run } from "../test-fixtures";
import type { ComputeOptions, Incident } from "../types";
import { SECTOR_RULES } from "./sector";

// Awareness Monday 2 March 2026, 10:00 UTC (BASE in test-fixtures).
const org = (o: Partial<OrganisationFacts>): OrganisationFacts => ({ ...NO_ORGANISATION_FACTS, ...o });

interface Case {
  readonly name: string;
  readonly regime: string;
  readonly incident?: Partial<Incident>;
  readonly options: ComputeOptions;
  readonly expected: Record<string, string | null>;
}

const cases: Case[] = [
  { name: "SEC-8K not listed -> nothing", regime: "SEC-8K", incident: { materialityDeterminedAt: "2026-03-04T15:00:00Z" }, options: { organisation: org({}) }, expected: {} },
  { name: "SEC-8K listed, materiality not determined -> row without a due time", regime: "SEC-8K", options: { organisation: org({ listedInUS: true }) }, expected: { "SEC-8K:sec": null } },
  { name: "SEC-8K Item 1.05: determined Wed 4 March -> 4 business days = Tue 10 March", regime: "SEC-8K", incident: { materialityDeterminedAt: "2026-03-04T15:00:00Z" }, options: { organisation: org({ listedInUS: true }) }, expected: { "SEC-8K:sec": "2026-03-10T23:59:59.999Z" } },
  { name: "SEC-8K determined Friday 6 March -> Thursday 12 March", regime: "SEC-8K", incident: { materialityDeterminedAt: "2026-03-06T12:00:00Z" }, options: { organisation: org({ listedInUS: true }) }, expected: { "SEC-8K:sec": "2026-03-12T23:59:59.999Z" } },
  { name: "SEC-8K counted in New York time (determined 02:00 UTC Sat = Fri 21:00 EST)", regime: "SEC-8K", incident: { materialityDeterminedAt: "2026-03-07T02:00:00Z" }, options: { timeZone: "America/New_York", organisation: org({ listedInUS: true }) }, expected: { "SEC-8K:sec": "2026-03-13T03:59:59.999Z" } },
  { name: "SEC-8K Item 1.05(c) AG delay to 9 April -> due end of 9 April", regime: "SEC-8K", incident: { materialityDeterminedAt: "2026-03-04T15:00:00Z", secDelayUntil: "2026-04-09" }, options: { organisation: org({ listedInUS: true }) }, expected: { "SEC-8K:sec": "2026-04-09T23:59:59.999Z" } },
  {
    name: "NIS2 Art. 23(4): 24 h, 72 h, one month after the notification, per Member State", regime: "NIS2",
    options: { organisation: org({ nis2: { entityType: "essential", memberStates: ["DE", "FR"] } }) },
    expected: {
      "NIS2:csirt:DE:early_warning": "2026-03-03T10:00:00.000Z", "NIS2:csirt:DE:notification": "2026-03-05T10:00:00.000Z", "NIS2:csirt:DE:final": "2026-04-05T23:59:59.999Z",
      "NIS2:csirt:FR:early_warning": "2026-03-03T10:00:00.000Z", "NIS2:csirt:FR:notification": "2026-03-05T10:00:00.000Z", "NIS2:csirt:FR:final": "2026-04-05T23:59:59.999Z",
    },
  },
  {
    name: "NIS2 final report counted from when the notification was sent", regime: "NIS2",
    options: { organisation: org({ nis2: { entityType: "important", memberStates: ["DE"] } }), sentAt: { "NIS2:csirt:DE:notification": "2026-03-04T08:00:00Z" } },
    expected: { "NIS2:csirt:DE:early_warning": "2026-03-03T10:00:00.000Z", "NIS2:csirt:DE:notification": "2026-03-05T10:00:00.000Z", "NIS2:csirt:DE:final": "2026-04-04T23:59:59.999Z" },
  },
  { name: "NIS2 not significant -> nothing", regime: "NIS2", incident: { nis2Significant: false }, options: { organisation: org({ nis2: { entityType: "essential", memberStates: ["DE"] } }) }, expected: {} },
  {
    name: "DORA not classified: initial at the 24 h limit, intermediate 72 h later, final one month later", regime: "DORA",
    options: { organisation: org({ doraFinancialEntity: true, mainEstablishment: "IE" }) },
    expected: { "DORA:competent_authority:IE:initial": "2026-03-03T10:00:00.000Z", "DORA:competent_authority:IE:intermediate": "2026-03-06T10:00:00.000Z", "DORA:competent_authority:IE:final": "2026-04-06T23:59:59.999Z" },
  },
  {
    name: "DORA classified as major 3 h after awareness -> initial 4 h after classification", regime: "DORA",
    incident: { doraMajorClassifiedAt: "2026-03-02T13:00:00Z" },
    options: { organisation: org({ doraFinancialEntity: true }), sentAt: { "DORA:competent_authority:initial": "2026-03-02T16:30:00Z", "DORA:competent_authority:intermediate": "2026-03-04T09:00:00Z" } },
    expected: { "DORA:competent_authority:initial": "2026-03-02T17:00:00.000Z", "DORA:competent_authority:intermediate": "2026-03-05T16:30:00.000Z", "DORA:competent_authority:final": "2026-04-04T23:59:59.999Z" },
  },
  {
    name: "DORA classified 22 h after awareness -> the 24 h cap wins", regime: "DORA",
    incident: { doraMajorClassifiedAt: "2026-03-03T08:00:00Z" }, options: { organisation: org({ doraFinancialEntity: true }) },
    expected: { "DORA:competent_authority:initial": "2026-03-03T10:00:00.000Z", "DORA:competent_authority:intermediate": "2026-03-06T10:00:00.000Z", "DORA:competent_authority:final": "2026-04-06T23:59:59.999Z" },
  },
  { name: "NYDFS 500.17(a): 72 h after determination", regime: "NYDFS", options: { organisation: org({ nydfsCovered: true }) }, expected: { "NYDFS:state_regulator:US-NY": "2026-03-05T10:00:00.000Z" } },
  { name: "FTC-SAFEGUARDS 499 consumers -> nothing", regime: "FTC-SAFEGUARDS", incident: { affected: [{ jurisdiction: "US-TX", count: 499 }] }, options: { organisation: org({ ftcSafeguardsFinancialInstitution: true }) }, expected: {} },
  { name: "FTC-SAFEGUARDS exactly 500 consumers -> 30 days after discovery", regime: "FTC-SAFEGUARDS", incident: { affected: [{ jurisdiction: "US-TX", count: 300 }, { jurisdiction: "US-NY", count: 200 }] }, options: { organisation: org({ ftcSafeguardsFinancialInstitution: true }) }, expected: { "FTC-SAFEGUARDS:ftc": "2026-04-01T23:59:59.999Z" } },
  { name: "FTC-SAFEGUARDS encrypted -> nothing", regime: "FTC-SAFEGUARDS", incident: { encrypted: true, affected: [{ jurisdiction: "US-TX", count: 900 }] }, options: { organisation: org({ ftcSafeguardsFinancialInstitution: true }) }, expected: {} },
  {
    name: "FTC-HBNR 500 in Texas: individuals, media (500 or more), FTC at 60 days", regime: "FTC-HBNR",
    incident: { phi: true, affected: [{ jurisdiction: "US-TX", count: 500 }] }, options: { organisation: org({ phrVendor: true }) },
    expected: { "FTC-HBNR:individuals": "2026-05-01T23:59:59.999Z", "FTC-HBNR:media:US-TX": "2026-05-01T23:59:59.999Z", "FTC-HBNR:ftc": "2026-05-01T23:59:59.999Z" },
  },
  {
    name: "FTC-HBNR 500+: FTC due contemporaneously once individuals were notified", regime: "FTC-HBNR",
    incident: { phi: true, affected: [{ jurisdiction: "US-TX", count: 700 }] }, options: { organisation: org({ phrVendor: true }), sentAt: { "FTC-HBNR:individuals": "2026-03-20T15:00:00Z" } },
    expected: { "FTC-HBNR:individuals": "2026-05-01T23:59:59.999Z", "FTC-HBNR:media:US-TX": "2026-05-01T23:59:59.999Z", "FTC-HBNR:ftc": "2026-03-20T15:00:00.000Z" },
  },
  {
    name: "FTC-HBNR 499 -> annual log, 60 days after year end", regime: "FTC-HBNR",
    incident: { phi: true, affected: [{ jurisdiction: "US-TX", count: 499 }] }, options: { organisation: org({ phrVendor: true }) },
    expected: { "FTC-HBNR:individuals": "2026-05-01T23:59:59.999Z", "FTC-HBNR:ftc": "2027-03-01T23:59:59.999Z" },
  },
  {
    name: "US-CA-HSC 1280.15: 15 business days after detection (Mon 2 March -> Mon 23 March)", regime: "US-CA-HSC",
    incident: { phi: true, affected: [{ jurisdiction: "US-CA", count: 3 }] }, options: { timeZone: "America/Los_Angeles", organisation: org({ californiaLicensedHealthFacility: true }) },
    expected: { "US-CA-HSC:cdph": "2026-03-24T06:59:59.999Z", "US-CA-HSC:individuals": "2026-03-24T06:59:59.999Z" },
  },
  { name: "US-CA-HSC no medical information -> nothing", regime: "US-CA-HSC", incident: { affected: [{ jurisdiction: "US-CA", count: 3 }] }, options: { organisation: org({ californiaLicensedHealthFacility: true }) }, expected: {} },
];

describe("sector regimes", () => {
  it.each(cases)("$name", (c) => {
    expect(dueByKey(regime(run(c.incident ?? {}, c.options), c.regime))).toEqual(c.expected);
  });

  it("no profile -> no sector obligation at all", () => {
    const out = run({ phi: true, materialityDeterminedAt: "2026-03-04T15:00:00Z", affected: [{ jurisdiction: "US-CA", count: 900 }] });
    expect(out.filter((o) => ["SEC-8K", "NIS2", "DORA", "NYDFS", "FTC-SAFEGUARDS", "FTC-HBNR", "US-CA-HSC"].includes(o.regime))).toEqual([]);
  });

  it("every sector rule describes itself with a citation and a version date", () => {
    for (const rule of SECTOR_RULES) {
      const rows = rule.describe?.() ?? [];
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.citation.length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(r.versionDate)).toBe(true);
    }
  });
});
