import { NO_ORGANISATION_FACTS } from "../organisation";
import { describe, expect, it } from "vitest";
import { find, keys, regime, run } from "../test-fixtures";
import type { Incident } from "../types";

const AWARE = "2026-03-02T10:00:00Z";
const PLUS_72H = "2026-03-05T10:00:00.000Z";

interface Case {
  readonly name: string;
  readonly incident: Partial<Incident>;
  readonly timeZone?: string;
  /** Expected GDPR + UK-GDPR obligations, key -> dueAt, in order. */
  readonly expected: Record<string, string | null>;
}

const cases: Case[] = [
  {
    name: "GDPR Art. 33(1) controller, risk -> authority at +72h exact; Art. 33(5) register; no Art. 34",
    incident: { riskLevel: "risk", affected: [{ jurisdiction: "DE", count: 10 }] },
    expected: { "GDPR:supervisory_authority:DE": PLUS_72H, "GDPR:register": null },
  },
  {
    name: "GDPR Art. 33(1) 'unlikely to result in a risk' -> no authority notice; Art. 33(5) register still",
    incident: { riskLevel: "unlikely", affected: [{ jurisdiction: "FR", count: 10 }] },
    expected: { "GDPR:register": null },
  },
  {
    name: "GDPR Art. 34(1) high risk -> data subjects without undue delay (dueAt null) plus Art. 33(1)",
    incident: { riskLevel: "high", affected: [{ jurisdiction: "IE", count: 10 }] },
    expected: { "GDPR:supervisory_authority:IE": PLUS_72H, "GDPR:data_subjects:IE": null, "GDPR:register": null },
  },
  {
    name: "GDPR Art. 34(3)(a) encrypted data -> no data-subject notice, authority still under Art. 33(1)",
    incident: { riskLevel: "high", encrypted: true, affected: [{ jurisdiction: "IE", count: 10 }] },
    expected: { "GDPR:supervisory_authority:IE": PLUS_72H, "GDPR:register": null },
  },
  {
    name: "GDPR Art. 33(2) processor -> controller without undue delay, no authority notice, no Art. 34",
    incident: { roles: ["processor"], riskLevel: "high", affected: [{ jurisdiction: "DE", count: 10 }] },
    expected: { "GDPR:controller": null },
  },
  {
    name: "GDPR Art. 33(1)+(2) controller and processor in one incident -> both sets",
    incident: { roles: ["controller", "processor"], affected: [{ jurisdiction: "DE", count: 10 }] },
    expected: { "GDPR:supervisory_authority:DE": PLUS_72H, "GDPR:register": null, "GDPR:controller": null },
  },
  {
    name: "UK GDPR Art. 33(1) GB -> ICO at +72h under UK-GDPR, not GDPR",
    incident: { riskLevel: "high", affected: [{ jurisdiction: "GB", count: 10 }] },
    expected: { "UK-GDPR:supervisory_authority:GB": PLUS_72H, "UK-GDPR:data_subjects:GB": null, "UK-GDPR:register": null },
  },
  {
    name: "GDPR Art. 33(1) and UK GDPR Art. 33(1) UK vs EEA: DE and FR under GDPR (one row per country), GB under UK GDPR",
    incident: { affected: [{ jurisdiction: "DE", count: 3 }, { jurisdiction: "FR", count: 4 }, { jurisdiction: "GB", count: 5 }] },
    expected: {
      "GDPR:supervisory_authority:DE": PLUS_72H,
      "GDPR:supervisory_authority:FR": PLUS_72H,
      "GDPR:register": null,
      "UK-GDPR:supervisory_authority:GB": PLUS_72H,
      "UK-GDPR:register": null,
    },
  },
  {
    name: "GDPR Art. 33(1) EEA beyond the EU: NO, IS, LI are covered; CH and US-CA are not",
    incident: { affected: [{ jurisdiction: "NO", count: 1 }, { jurisdiction: "IS", count: 1 }, { jurisdiction: "LI", count: 1 }, { jurisdiction: "CH", count: 1 }, { jurisdiction: "US-CA", count: 1 }] },
    expected: {
      "GDPR:supervisory_authority:NO": PLUS_72H,
      "GDPR:supervisory_authority:IS": PLUS_72H,
      "GDPR:supervisory_authority:LI": PLUS_72H,
      "GDPR:register": null,
    },
  },
  {
    name: "GDPR Art. 33(1) 72 hours is exact whatever the organisation's time zone",
    incident: { discoveredAt: "2026-03-28T23:30:00+01:00", affected: [{ jurisdiction: "DE", count: 1 }] },
    timeZone: "Europe/Berlin",
    expected: { "GDPR:supervisory_authority:DE": "2026-03-31T22:30:00.000Z", "GDPR:register": null },
  },
  {
    name: "GDPR Art. 33 nothing when no EEA resident is affected (count 0)",
    incident: { affected: [{ jurisdiction: "DE", count: 0 }] },
    expected: {},
  },
  {
    name: "UK GDPR Art. 33(1) 'UK' and lower case are read as ISO GB",
    incident: { affected: [{ jurisdiction: "uk", count: 2 }] },
    expected: { "UK-GDPR:supervisory_authority:GB": PLUS_72H, "UK-GDPR:register": null },
  },
  {
    name: "UK GDPR (in force 2021-01-01): a 2020 UK incident gets no UK-GDPR row",
    incident: { discoveredAt: "2020-06-01T10:00:00Z", affected: [{ jurisdiction: "GB", count: 2 }] },
    expected: {},
  },
  {
    name: "GDPR Art. 99(2) (applies from 2018-05-25): an earlier incident gets no GDPR row",
    incident: { discoveredAt: "2018-05-24T10:00:00Z", affected: [{ jurisdiction: "DE", count: 2 }] },
    expected: {},
  },
];

describe("GDPR Arts. 33-34 and UK GDPR Arts. 33-34", () => {
  it.each(cases)("$name", (c) => {
    const all = run({ discoveredAt: AWARE, ...c.incident }, c.timeZone !== undefined ? { timeZone: c.timeZone } : {});
    const gdpr = [...regime(all, "GDPR"), ...regime(all, "UK-GDPR")];
    expect(Object.fromEntries(gdpr.map((o) => [o.key, o.dueAt]))).toEqual(c.expected);
    expect(keys(gdpr)).toEqual(Object.keys(c.expected));
  });

  it("GDPR Art. 33(3)(a)-(d) checklist, citation, trigger and rule version on the authority notice", () => {
    const o = find(run({ affected: [{ jurisdiction: "DE", count: 1 }] }), "GDPR:supervisory_authority:DE");
    expect(o).toMatchObject({ regime: "GDPR", recipient: "supervisory_authority", jurisdiction: "DE", citation: "GDPR Art. 33(1)", trigger: "awareness", ruleVersion: "gdpr-art33-34@2018-05-25" });
    expect(o.contentChecklist.filter((c) => /Art\. 33\(3\)\([a-d]\)/.test(c))).toHaveLength(4);
  });

  it("GDPR Art. 34(2) plain-language checklist and UK GDPR citation on the data-subject notice", () => {
    const o = find(run({ riskLevel: "high", affected: [{ jurisdiction: "GB", count: 1 }] }), "UK-GDPR:data_subjects:GB");
    expect(o.citation).toBe("UK GDPR Art. 34(1)");
    expect(o.contentChecklist[0]).toMatch(/plain language/);
  });
});

describe("GDPR Art. 56 lead authority from the organisation's main establishment", () => {
  const affected = [{ jurisdiction: "DE", count: 40 }, { jurisdiction: "FR", count: 3 }, { jurisdiction: "IE", count: 1 }];
  const withMain = (mainEstablishment: string | null) => ({ organisation: { ...NO_ORGANISATION_FACTS, mainEstablishment } });

  it("main establishment IE -> one lead-authority row (IE) naming DE and FR as concerned authorities", () => {
    const sa = run({ affected }, withMain("IE")).filter((o) => o.recipient === "supervisory_authority");
    expect(sa.map((o) => o.key)).toEqual(["GDPR:supervisory_authority:IE"]);
    expect(sa[0]!.dueAt).toBe("2026-03-05T10:00:00.000Z");
    expect(sa[0]!.dueRule).toMatch(/Other concerned authorities: DE, FR/);
    expect(sa[0]!.citation).toBe("GDPR Art. 33(1), Art. 56(1)");
  });

  it("main establishment in a country with nobody affected still leads (NL)", () => {
    const sa = run({ affected }, withMain("NL")).filter((o) => o.recipient === "supervisory_authority");
    expect(sa.map((o) => o.key)).toEqual(["GDPR:supervisory_authority:NL"]);
    expect(sa[0]!.dueRule).toMatch(/DE, FR, IE/);
  });

  it("no main establishment (or one outside the EEA) -> one row per concerned authority, as before", () => {
    for (const main of [null, "US"]) {
      const sa = run({ affected }, withMain(main)).filter((o) => o.recipient === "supervisory_authority");
      expect(sa.map((o) => o.key)).toEqual(["GDPR:supervisory_authority:DE", "GDPR:supervisory_authority:FR", "GDPR:supervisory_authority:IE"]);
    }
  });

  it("UK GDPR is unaffected by an EU main establishment", () => {
    const out = run({ affected: [{ jurisdiction: "GB", count: 2 }] }, withMain("IE"));
    expect(out.filter((o) => o.recipient === "supervisory_authority").map((o) => o.key)).toEqual(["UK-GDPR:supervisory_authority:GB"]);
  });
});
