import { describe, expect, it } from "vitest";
import { find, regime, run } from "../test-fixtures";
import type { ComputeOptions, Incident } from "../types";
import { US_STATE_SPECS } from "./us-states";

// Discovery / determination / awareness Monday 2 March 2026, 10:00 UTC.
const D30 = "2026-04-01T23:59:59.999Z";
const D45 = "2026-04-16T23:59:59.999Z";
const D60 = "2026-05-01T23:59:59.999Z";

interface Case {
  readonly name: string;
  readonly state: `US-${string}`;
  readonly count: number;
  readonly incident?: Partial<Incident>;
  readonly options?: ComputeOptions;
  readonly expected: Record<string, string | null>;
}

const cases: Case[] = [
  { name: "Tex. Bus. & Com. Code 521.053(b),(i) 249 residents: 60 days after determination, no AG", state: "US-TX", count: 249, expected: { "US-TX:individuals": D60 } },
  { name: "Tex. Bus. & Com. Code 521.053(i) 250 residents -> AG within 30 days", state: "US-TX", count: 250, expected: { "US-TX:individuals": D60, "US-TX:attorney_general": D30 } },
  { name: "Fla. Stat. 501.171(3)-(4) 499 residents: 30 days, no Department of Legal Affairs", state: "US-FL", count: 499, expected: { "US-FL:individuals": D30 } },
  { name: "Fla. Stat. 501.171(3) 500 residents -> Department of Legal Affairs within 30 days", state: "US-FL", count: 500, expected: { "US-FL:individuals": D30, "US-FL:attorney_general": D30 } },
  { name: "N.Y. Gen. Bus. Law 899-aa(2),(8) 30 days; AG, Department of State, State Police for any count", state: "US-NY", count: 1, expected: { "US-NY:individuals": D30, "US-NY:attorney_general": null, "US-NY:state_regulator": null, "US-NY:state_police": null } },
  { name: "N.Y. Gen. Bus. Law 899-aa(2) before the 2024-12-21 amendment: no fixed period", state: "US-NY", count: 1, incident: { discoveredAt: "2024-12-20T10:00:00Z" }, expected: { "US-NY:individuals": null, "US-NY:attorney_general": null, "US-NY:state_regulator": null, "US-NY:state_police": null } },
  { name: "N.Y. Gen. Bus. Law 899-aa(2) from 2024-12-21: 30 days after discovery", state: "US-NY", count: 1, incident: { discoveredAt: "2024-12-21T10:00:00Z" }, expected: { "US-NY:individuals": "2025-01-20T23:59:59.999Z", "US-NY:attorney_general": null, "US-NY:state_regulator": null, "US-NY:state_police": null } },
  { name: "N.Y. Gen. Bus. Law 899-aa(9) HIPAA covered entity: AG within 5 business days of the HHS notice (not yet sent)", state: "US-NY", count: 10, incident: { roles: ["covered_entity"], phi: true }, expected: { "US-NY:individuals": D30, "US-NY:attorney_general": null, "US-NY:state_regulator": null, "US-NY:state_police": null, "US-NY:attorney_general:hipaa": null } },
  { name: "N.Y. Gen. Bus. Law 899-aa(9) HHS notified Friday 3 April -> AG by Friday 10 April", state: "US-NY", count: 10, incident: { roles: ["covered_entity"], phi: true }, options: { sentAt: { "HIPAA:hhs": "2026-04-03T16:00:00Z" } }, expected: { "US-NY:individuals": D30, "US-NY:attorney_general": null, "US-NY:state_regulator": null, "US-NY:state_police": null, "US-NY:attorney_general:hipaa": "2026-04-10T23:59:59.999Z" } },
  { name: "RCW 19.255.010 exactly 500 residents: 30 days, no AG", state: "US-WA", count: 500, expected: { "US-WA:individuals": D30 } },
  { name: "RCW 19.255.010 501 residents -> AG within 30 days", state: "US-WA", count: 501, expected: { "US-WA:individuals": D30, "US-WA:attorney_general": D30 } },
  { name: "C.R.S. 6-1-716(2) 499 residents: 30 days after determination, no AG", state: "US-CO", count: 499, expected: { "US-CO:individuals": D30 } },
  { name: "C.R.S. 6-1-716(2) 500 residents -> AG within 30 days", state: "US-CO", count: 500, expected: { "US-CO:individuals": D30, "US-CO:attorney_general": D30 } },
  { name: "Conn. Gen. Stat. 36a-701b(b) 60 days; AG for any count no later than residents", state: "US-CT", count: 1, expected: { "US-CT:individuals": D60, "US-CT:attorney_general": D60 } },
  { name: "Conn. Gen. Stat. 36a-701b(b) residents notified 20 March -> AG due by that time", state: "US-CT", count: 1, options: { sentAt: { "US-CT:individuals": "2026-03-20T15:00:00Z" } }, expected: { "US-CT:individuals": D60, "US-CT:attorney_general": "2026-03-20T15:00:00.000Z" } },
  { name: "10 M.R.S. 1348(1),(5) 30 days after awareness; AG or regulator for any count", state: "US-ME", count: 1, expected: { "US-ME:individuals": D30, "US-ME:attorney_general": null } },
  { name: "10 M.R.S. 1348 law enforcement clears Friday 1 May -> 7 business days (12 May)", state: "US-ME", count: 1, incident: { lawEnforcementDelay: { until: "2026-05-01", written: true } }, expected: { "US-ME:individuals": "2026-05-12T23:59:59.999Z", "US-ME:attorney_general": null } },
  { name: "9 V.S.A. 2435(b)(1),(3) 45 days; AG preliminary notice within 14 business days (20 March)", state: "US-VT", count: 1, expected: { "US-VT:individuals": D45, "US-VT:attorney_general": "2026-03-20T23:59:59.999Z" } },
  { name: "9 V.S.A. 2435(b)(3) consumers notified 10 March, sooner than 14 business days -> AG by then", state: "US-VT", count: 1, options: { sentAt: { "US-VT:individuals": "2026-03-10T09:00:00Z" } }, expected: { "US-VT:individuals": D45, "US-VT:attorney_general": "2026-03-10T09:00:00.000Z" } },
  { name: "Md. Code, Com. Law 14-3504(c),(h) 45 days; AG before individuals", state: "US-MD", count: 1, expected: { "US-MD:individuals": D45, "US-MD:attorney_general": D45 } },
  { name: "A.R.S. 18-552(B) exactly 1,000 residents: 45 days, no AG or DHS", state: "US-AZ", count: 1000, expected: { "US-AZ:individuals": D45 } },
  { name: "A.R.S. 18-552(B) 1,001 residents -> AG, Department of Homeland Security and credit bureaus within 45 days", state: "US-AZ", count: 1001, expected: { "US-AZ:individuals": D45, "US-AZ:attorney_general": D45, "US-AZ:state_regulator": D45, "US-AZ:credit_bureaus": D45 } },
  { name: "A.R.S. 18-552 HIPAA covered entity is exempt", state: "US-AZ", count: 5000, incident: { roles: ["covered_entity"], phi: true }, expected: {} },
  { name: "Ohio Rev. Code 1349.19(B),(G) 45 days after discovery; credit bureaus above 1,000", state: "US-OH", count: 5000, expected: { "US-OH:individuals": D45, "US-OH:credit_bureaus": null } },
  { name: "24 O.S. 163 (SB 626) 499 residents: without unreasonable delay, no AG", state: "US-OK", count: 499, expected: { "US-OK:individuals": null } },
  { name: "24 O.S. 163 (SB 626) 500 residents: AG 60 days after notifying residents (not yet sent)", state: "US-OK", count: 500, expected: { "US-OK:individuals": null, "US-OK:attorney_general": null } },
  { name: "24 O.S. 163 (SB 626) residents notified 10 March -> AG by 9 May", state: "US-OK", count: 500, options: { sentAt: { "US-OK:individuals": "2026-03-10T12:00:00Z" } }, expected: { "US-OK:individuals": null, "US-OK:attorney_general": "2026-05-09T23:59:59.999Z" } },
  { name: "24 O.S. 163 (SB 626) from 2026-01-01 only: a 2025 incident gets no Oklahoma row", state: "US-OK", count: 500, incident: { discoveredAt: "2025-06-01T10:00:00Z" }, expected: {} },
  { name: "815 ILCS 530/10(a),(e) exactly 500: residents without unreasonable delay, no AG", state: "US-IL", count: 500, expected: { "US-IL:individuals": null } },
  { name: "815 ILCS 530/10(e) 501 residents -> AG no later than residents (open until they are notified)", state: "US-IL", count: 501, expected: { "US-IL:individuals": null, "US-IL:attorney_general": null } },
  { name: "815 ILCS 530/10(e) residents notified -> AG due by that time", state: "US-IL", count: 501, options: { sentAt: { "US-IL:individuals": "2026-03-09T12:00:00Z" } }, expected: { "US-IL:individuals": null, "US-IL:attorney_general": "2026-03-09T12:00:00.000Z" } },
  { name: "73 P.S. 2303 501 residents -> AG concurrently", state: "US-PA", count: 501, expected: { "US-PA:individuals": null, "US-PA:attorney_general": null } },
  { name: "O.C.G.A. 10-1-912(a) without unreasonable delay, no regulator", state: "US-GA", count: 5000, expected: { "US-GA:individuals": null } },
  { name: "N.C. Gen. Stat. 75-65(a),(e1),(f) residents, AG Consumer Protection Division, credit bureaus", state: "US-NC", count: 5000, expected: { "US-NC:individuals": null, "US-NC:attorney_general": null, "US-NC:credit_bureaus": null } },
  { name: "MCL 445.72(1),(8) without unreasonable delay; credit bureaus above 1,000", state: "US-MI", count: 5000, expected: { "US-MI:individuals": null, "US-MI:credit_bureaus": null } },
  { name: "M.G.L. c. 93H, 3(b) AG and Office of Consumer Affairs for any count", state: "US-MA", count: 1, expected: { "US-MA:individuals": null, "US-MA:attorney_general": null, "US-MA:state_regulator": null } },
  { name: "Va. Code 18.2-186.6(B) AG for any count", state: "US-VA", count: 1, expected: { "US-VA:individuals": null, "US-VA:attorney_general": null } },
  { name: "Wyo. Stat. 40-12-502(a) without unreasonable delay, no regulator", state: "US-WY", count: 5000, expected: { "US-WY:individuals": null } },
];

describe("US state breach-notification statutes", () => {
  it.each(cases)("$name", (c) => {
    const rows = regime(run({ affected: [{ jurisdiction: c.state, count: c.count }], ...c.incident }, c.options), c.state);
    expect(Object.fromEntries(rows.map((o) => [o.key, o.dueAt]))).toEqual(c.expected);
  });

  it.each(US_STATE_SPECS.map((s) => ({ state: s.state, version: `${s.family}@${s.validFrom}`, harbour: s.encryptionSafeHarbor })))(
    "$harbour: encrypted data -> no $state notice ($version)",
    ({ state }) => {
      expect(regime(run({ encrypted: true, affected: [{ jurisdiction: state, count: 10_000 }] }), state)).toEqual([]);
    },
  );

  it("Tex. Bus. & Com. Code 521.053 names its trigger (determination) and rule version", () => {
    const o = find(run({ affected: [{ jurisdiction: "US-TX", count: 300 }] }), "US-TX:attorney_general");
    expect(o).toMatchObject({ trigger: "determination", ruleVersion: "us-tx-521.053@2023-09-01", citation: "Tex. Bus. & Com. Code 521.053(i)", jurisdiction: "US-TX" });
  });

  it("10 M.R.S. 1348(1) is counted from awareness; N.Y. 899-aa(9) depends on the HHS notice", () => {
    expect(find(run({ affected: [{ jurisdiction: "US-ME", count: 1 }] }), "US-ME:individuals").trigger).toBe("awareness");
    const ny = find(run({ roles: ["covered_entity"], phi: true, affected: [{ jurisdiction: "US-NY", count: 1 }] }), "US-NY:attorney_general:hipaa");
    expect(ny.dependsOn).toBe("HIPAA:hhs");
  });
});
