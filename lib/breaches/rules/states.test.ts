// Table tests over every US jurisdiction: the definition of personal information, encryption
// with and without key compromise, the risk-of-harm exception, thresholds at and one above,
// "needs the data elements", vendor duties and the late law-enforcement delay.
import { describe, expect, it } from "vitest";
import { find, regime, run } from "../test-fixtures";
import type { DataElement, Incident } from "../types";
import { CALIFORNIA_RULES } from "./california";
import type { StateSpec } from "./state-engine";
import { US_STATES } from "../jurisdictions";
import { US_STATE_SPECS } from "./us-states";

const NAME_SSN: DataElement[] = ["name", "ssn"];
// Latest version of each state (N.Y. has two).
const latest = new Map<string, StateSpec>();
for (const s of US_STATE_SPECS) if (!latest.has(s.state) || s.validFrom > latest.get(s.state)!.validFrom) latest.set(s.state, s);
const SPECS = [...latest.values()];

function rows(state: string, count: number, extra: Partial<Incident> = {}) {
  return regime(run({ dataElements: NAME_SSN, affected: [{ jurisdiction: state, count }], ...extra }), state);
}

describe("every US jurisdiction", () => {
  it("covers all 50 states, DC, PR, GU and VI", () => {
    const encoded = new Set([...SPECS.map((s) => s.state), "US-CA"]);
    expect([...encoded].sort()).toEqual(Object.keys(US_STATES).sort());
    expect(encoded.size).toBe(54);
    expect(CALIFORNIA_RULES.length).toBe(2);
  });

  it.each(SPECS.map((s) => ({ state: s.state, s })))("$state: name + SSN -> resident notice by its own version", ({ state, s }) => {
    const r = find(rows(state, 1), `${state}:individuals`);
    expect(r).toMatchObject({ ruleVersion: `${s.family}@${s.validFrom}`, trigger: s.trigger, citation: s.residents.citation });
    expect(r.needs).toBeUndefined();
  });

  it.each(SPECS.map((s) => ({ state: s.state })))("$state: name + e-mail + phone only -> no notice", ({ state }) => {
    expect(rows(state, 10_000, { dataElements: ["name", "email", "phone", "address"] })).toEqual([]);
  });

  it.each(SPECS.map((s) => ({ state: s.state })))("$state: elements not given -> rows marked as needing them", ({ state }) => {
    const out = regime(run({ affected: [{ jurisdiction: state, count: 1 }] }), state);
    expect(out.length).toBeGreaterThan(0);
    for (const o of out) {
      expect(o.needs).toEqual(["dataElements"]);
      expect(o.dueRule).toMatch(/^Needs the data elements to decide/);
      expect(o.contentChecklist[0]).toMatch(/^Record the data elements involved/);
    }
  });

  it.each(SPECS.map((s) => ({ state: s.state })))("$state: encrypted -> none; encrypted with the key compromised -> notice", ({ state }) => {
    expect(rows(state, 1, { encrypted: true })).toEqual([]);
    expect(rows(state, 1, { encrypted: true, encryptionKeyCompromised: true }).map((o) => o.key)).toContain(`${state}:individuals`);
  });

  it.each(SPECS.map((s) => ({ state: s.state, harm: s.riskOfHarm })))("$state: risk-of-harm finding", ({ state, harm }) => {
    const out = rows(state, 1, { stateHarmNotLikely: true });
    if (harm === undefined) expect(out.map((o) => o.key)).toContain(`${state}:individuals`);
    else expect(out).toEqual([]);
  });

  const edges = SPECS.flatMap((s) =>
    s.regulators.filter((r) => r.threshold && !r.onlyWhen).map((r) => {
      const t = r.threshold!;
      const at = "atLeast" in t ? t.atLeast : t.moreThan;
      const key = `${s.state}:${r.recipient}${r.keySuffix ? `:${r.keySuffix}` : ""}`;
      // atLeast n: n-1 no, n yes; moreThan n: n no, n+1 yes.
      return "atLeast" in t ? { key, state: s.state, no: at - 1, yes: at } : { key, state: s.state, no: at, yes: at + 1 };
    }),
  );
  it.each(edges)("$key: $no residents -> no row, $yes -> row", ({ key, state, no, yes }) => {
    expect(rows(state, no).map((o) => o.key)).not.toContain(key);
    expect(rows(state, yes).map((o) => o.key)).toContain(key);
  });

  it.each(SPECS.filter((s) => s.maintainer).map((s) => ({ state: s.state })))("$state: a processor tells the data owner", ({ state }) => {
    expect(rows(state, 1, { roles: ["processor"] }).map((o) => o.key)).toEqual([`${state}:data_owner`]);
  });
});

describe("named statute details", () => {
  it.each([
    { what: "Tex. 521.053(h) credit bureaus: 10,000 no, 10,001 yes", state: "US-TX", key: "US-TX:credit_bureaus", no: 10_000, yes: 10_001 },
    { what: "N.Y. 899-aa(8)(b) credit bureaus: 5,000 no, 5,001 yes", state: "US-NY", key: "US-NY:credit_bureaus", no: 5000, yes: 5001 },
    { what: "O.C.G.A. 10-1-912(d) credit bureaus: 10,000 no, 10,001 yes", state: "US-GA", key: "US-GA:credit_bureaus", no: 10_000, yes: 10_001 },
    { what: "Fla. 501.171(5) credit bureaus: 1,000 no, 1,001 yes", state: "US-FL", key: "US-FL:credit_bureaus", no: 1000, yes: 1001 },
    { what: "73 P.S. 2303 AG: 500 no, 501 yes", state: "US-PA", key: "US-PA:attorney_general", no: 500, yes: 501 },
    { what: "Tex. 521.053(i) AG: 249 no, 250 yes", state: "US-TX", key: "US-TX:attorney_general", no: 249, yes: 250 },
    { what: "D.C. 28-3852(b-1) AG: 49 no, 50 yes", state: "US-DC", key: "US-DC:attorney_general", no: 49, yes: 50 },
  ])("$what", ({ state, key, no, yes }) => {
    expect(rows(state, no).map((o) => o.key)).not.toContain(key);
    expect(rows(state, yes).map((o) => o.key)).toContain(key);
  });

  it("Cal. Civ. Code 1798.82(h): name + e-mail -> no California notice; name + medical -> notice; credentials alone -> notice", () => {
    expect(rows("US-CA", 600, { dataElements: ["name", "email"] })).toEqual([]);
    expect(rows("US-CA", 600, { dataElements: ["name", "medical"] }).map((o) => o.key)).toEqual(["US-CA:individuals", "US-CA:attorney_general"]);
    expect(rows("US-CA", 1, { dataElements: ["email_with_password"] }).map((o) => o.key)).toEqual(["US-CA:individuals"]);
  });

  it("a card number with its code counts where the statute needs the code; the bare number only where it suffices", () => {
    expect(rows("US-TX", 1, { dataElements: ["name", "payment_card"] })).toEqual([]);
    expect(rows("US-TX", 1, { dataElements: ["name", "payment_card_with_code"] }).map((o) => o.key)).toEqual(["US-TX:individuals"]);
    expect(rows("US-MA", 1, { dataElements: ["name", "payment_card"] }).map((o) => o.key)).toContain("US-MA:individuals");
  });

  it("Ind. Code 24-4.9-2-10: an SSN alone, without a name, is personal information", () => {
    expect(rows("US-IN", 1, { dataElements: ["ssn"] }).map((o) => o.key)).toContain("US-IN:individuals");
    expect(rows("US-TX", 1, { dataElements: ["ssn"] })).toEqual([]);
  });

  it("Fla. 501.171(6)(a): a third-party agent tells the covered entity within 10 days; Tex. 521.053(c) immediately", () => {
    expect(find(rows("US-FL", 1, { roles: ["processor"] }), "US-FL:data_owner").dueAt).toBe("2026-03-12T23:59:59.999Z");
    expect(find(rows("US-TX", 1, { roles: ["processor"] }), "US-TX:data_owner").dueAt).toBeNull();
    expect(find(rows("US-GA", 1, { roles: ["processor"] }), "US-GA:data_owner").dueAt).toBe("2026-03-03T10:00:00.000Z");
  });

  it("Minn. 325E.61(2): credit bureaus within 48 hours above 500", () => {
    expect(find(rows("US-MN", 501), "US-MN:credit_bureaus").dueAt).toBe("2026-03-04T10:00:00.000Z");
  });
});

describe("law-enforcement delay", () => {
  // Texas, 300 residents, determined 2 March 2026: deadline end of 1 May.
  const tx = (statedAt: string) =>
    find(rows("US-TX", 300, { lawEnforcementDelay: { until: "2026-06-30", written: true, statedAt } }), "US-TX:individuals");

  it("asked on 10 May, after the 1 May deadline: the deadline stays 1 May", () => {
    const o = tx("2026-05-10");
    expect(o.dueAt).toBe("2026-05-01T23:59:59.999Z");
    expect(o.dueRule).toContain("after the deadline had passed");
  });

  it("asked on 20 April, before the deadline: extended to the end of the delay", () => {
    expect(tx("2026-04-20").dueAt).toBe("2026-06-30T23:59:59.999Z");
  });

  it("asked on the deadline day itself still extends it", () => {
    expect(tx("2026-05-01").dueAt).toBe("2026-06-30T23:59:59.999Z");
  });
});
