// US state statutes, Ohio to Wyoming (see a-i.ts for what `unconfirmed` means).
import type { StateSpec } from "../state-engine";
import { CORE, CREDENTIALS, GOV_IDS, HEALTH } from "../pi-definition";
import { ag, agency, cra, def, ENC, ownerNow, unconfirmed, WUD } from "./helpers";

const OH: StateSpec = {
  state: "US-OH", family: "us-oh-1349.19", validFrom: "2006-02-17", trigger: "discovery",
  encryptionSafeHarbor: `Ohio Rev. Code 1349.19(A): ${ENC}`,
  definition: def("Ohio Rev. Code 1349.19(A)(7)", CORE),
  riskOfHarm: "Ohio Rev. Code 1349.19(B)(1): notice when the breach causes or is reasonably believed to cause a material risk of identity theft or other fraud",
  substitute: "Ohio Rev. Code 1349.19(E)(4): cost over $250,000 or more than 500,000 residents",
  residents: { days: 45, citation: "Ohio Rev. Code 1349.19(B)", words: "in the most expedient time possible but not later than 45 days following discovery or notification of the breach" },
  regulators: [cra("Ohio Rev. Code 1349.19(G)", { moreThan: 1000 })],
  maintainer: ownerNow("Ohio Rev. Code 1349.19(C)"),
};

const OK: StateSpec = {
  state: "US-OK", family: "us-ok-sb626", validFrom: "2026-01-01", trigger: "discovery",
  encryptionSafeHarbor: `24 O.S. 162: ${ENC}`,
  definition: def("24 O.S. 162 (as amended by SB 626, 2025)", [...CORE, "passport", "biometric"]),
  riskOfHarm: "24 O.S. 163: notice when the breach is reasonably believed to have caused or to cause identity theft or other fraud",
  residents: { days: null, citation: "24 O.S. 163 (as amended by SB 626, 2025)", words: "without unreasonable delay" },
  regulators: [ag("24 O.S. 163 (as amended by SB 626, 2025)", "Attorney General: within 60 days after notifying residents (no due instant until the resident notice is recorded as sent)",
    { threshold: { atLeast: 500 }, timing: { kind: "afterResidentsSent", days: 60 } })],
  maintainer: ownerNow("24 O.S. 163(B)"),
};

const OR = unconfirmed({
  state: "US-OR", family: "us-or-646a.604", validFrom: "2020-01-01", trigger: "discovery",
  encryptionSafeHarbor: `ORS 646A.602: ${ENC}`,
  definition: def("ORS 646A.602(12)", [...CORE, "passport", ...HEALTH, "biometric"], CREDENTIALS),
  riskOfHarm: "ORS 646A.604(8): not required if, after investigation or consultation with law enforcement, no reasonable likelihood of harm (documented, kept 5 years)",
  substitute: "ORS 646A.604(5)(c): cost over $250,000 or more than 350,000 consumers",
  residents: { days: 45, citation: "ORS 646A.604(3)", words: "in the most expeditious manner possible, without unreasonable delay, but not later than 45 days after discovering or receiving notification of the breach" },
  regulators: [
    ag("ORS 646A.604(1)(b)", "Attorney General: in the most expeditious time possible, not later than 45 days after discovery", { threshold: { moreThan: 250 }, timing: { kind: "days", days: 45 } }),
    cra("ORS 646A.604(6)", { moreThan: 1000 }),
  ],
  maintainer: { citation: "ORS 646A.604(2)", words: "Covered entity (data owner), by the vendor: as soon as practicable but not later than 10 days after discovering the breach", days: 10 },
});

const PA: StateSpec = {
  state: "US-PA", family: "us-pa-2303", validFrom: "2024-09-26", trigger: "discovery",
  encryptionSafeHarbor: `73 P.S. 2302: ${ENC}`,
  definition: def("73 P.S. 2302", [...CORE, ...HEALTH, "biometric"], CREDENTIALS),
  riskOfHarm: "73 P.S. 2302 (breach): only where the entity reasonably believes it has caused or will cause loss or injury",
  substitute: "73 P.S. 2302: cost over $100,000 or more than 175,000 persons",
  residents: { days: null, citation: "73 P.S. 2303(a)", words: "without unreasonable delay" },
  regulators: [
    ag("73 P.S. 2303", "Attorney General: concurrently with the resident notice", { threshold: { moreThan: 500 }, timing: { kind: "noLaterThanResidents" } }),
    cra("73 P.S. 2305", { moreThan: 1000 }),
  ],
  maintainer: { citation: "73 P.S. 2303(c)", words: "Owner or licensee: following discovery of the breach" },
};

const RI = unconfirmed({
  state: "US-RI", family: "us-ri-11-49.3", validFrom: "2016-07-02", trigger: "determination",
  encryptionSafeHarbor: `R.I. Gen. Laws 11-49.3-3: ${ENC}`,
  definition: def("R.I. Gen. Laws 11-49.3-3(a)(8)", [...CORE, ...HEALTH], ["email_with_password"]),
  riskOfHarm: "R.I. Gen. Laws 11-49.3-4(a)(1): not required if, after investigation or consultation with law enforcement, no significant risk of identity theft",
  substitute: "R.I. Gen. Laws 11-49.3-3(a)(7): cost over $25,000 or more than 50,000 persons",
  residents: { days: 45, citation: "R.I. Gen. Laws 11-49.3-4(a)(2)", words: "in the most expedient time possible, but no later than 45 calendar days after confirmation of the breach and the ability to ascertain the information required" },
  regulators: [
    ag("R.I. Gen. Laws 11-49.3-4(a)(2)", "Attorney General: of the timing, content and distribution of the notices and the approximate number affected", { threshold: { moreThan: 500 }, timing: { kind: "noLaterThanResidents" } }),
    cra("R.I. Gen. Laws 11-49.3-4(a)(2)", { moreThan: 500 }),
  ],
  maintainer: ownerNow("R.I. Gen. Laws 11-49.3-4(b)"),
});

const SC = unconfirmed({
  state: "US-SC", family: "us-sc-39-1-90", validFrom: "2009-07-01", trigger: "discovery",
  encryptionSafeHarbor: `S.C. Code 39-1-90(D): ${ENC}`,
  definition: def("S.C. Code 39-1-90(D)(3)", [...CORE, "financial_account"]),
  riskOfHarm: "S.C. Code 39-1-90(A): notice when illegal use has occurred or is reasonably likely, or use creates a material risk of harm",
  substitute: "S.C. Code 39-1-90(E)(3): cost over $250,000 or more than 500,000 persons",
  residents: { days: null, citation: "S.C. Code 39-1-90(A)", words: WUD },
  regulators: [
    agency("S.C. Code 39-1-90(K)", "Consumer Protection Division of the Department of Consumer Affairs: without unreasonable delay, of the timing, distribution and content of the notice", { threshold: { moreThan: 1000 }, timing: { kind: "words" } }),
    cra("S.C. Code 39-1-90(K)", { moreThan: 1000 }),
  ],
  maintainer: ownerNow("S.C. Code 39-1-90(B)"),
});

const SD = unconfirmed({
  state: "US-SD", family: "us-sd-22-40", validFrom: "2018-07-01", trigger: "discovery",
  encryptionSafeHarbor: `SDCL 22-40-19: ${ENC}`,
  definition: def("SDCL 22-40-19(4)", [...CORE, ...HEALTH, "biometric"], CREDENTIALS),
  riskOfHarm: "SDCL 22-40-20: not required if, after an appropriate investigation and notice to the Attorney General, harm is not likely (documented, kept 3 years)",
  substitute: "SDCL 22-40-22: cost over $250,000 or more than 500,000 persons",
  residents: { days: 60, citation: "SDCL 22-40-20", words: "not later than 60 days from the discovery or notification of the breach" },
  regulators: [
    ag("SDCL 22-40-20", "Attorney General: not later than 60 days from discovery", { threshold: { moreThan: 250 }, timing: { kind: "days", days: 60 } }),
    cra("SDCL 22-40-23", undefined),
  ],
  maintainer: ownerNow("SDCL 22-40-20"),
});

const TN = unconfirmed({
  state: "US-TN", family: "us-tn-47-18-2107", validFrom: "2017-04-04", trigger: "discovery",
  encryptionSafeHarbor: `Tenn. Code 47-18-2107(a): ${ENC}`,
  definition: def("Tenn. Code 47-18-2107(a)(4)", CORE),
  substitute: "Tenn. Code 47-18-2107(e)(3): cost over $250,000 or more than 500,000 persons",
  residents: { days: 45, citation: "Tenn. Code 47-18-2107(b)", words: "immediately, but no later than 45 days from the discovery or notification of the breach" },
  regulators: [cra("Tenn. Code 47-18-2107(g)", { moreThan: 1000 })],
  maintainer: { citation: "Tenn. Code 47-18-2107(c)", words: "Owner or licensee: immediately, but no later than 45 days from discovery", days: 45 },
});

const TX: StateSpec = {
  state: "US-TX", family: "us-tx-521.053", validFrom: "2023-09-01", trigger: "determination",
  encryptionSafeHarbor: `Tex. Bus. & Com. Code 521.053(a): encrypted data is covered only with the key (${ENC})`,
  definition: def("Tex. Bus. & Com. Code 521.002(a)", ["ssn", "drivers_license", "state_id", "financial_account_with_code", "payment_card_with_code", "passport", "military_id", "medical", "health_insurance", "biometric"]),
  substitute: "Tex. Bus. & Com. Code 521.053(f): cost over $250,000 or more than 500,000 persons",
  residents: { days: 60, citation: "Tex. Bus. & Com. Code 521.053(b)", words: "without unreasonable delay and not later than the 60th day after determining that the breach occurred" },
  regulators: [
    ag("Tex. Bus. & Com. Code 521.053(i)", "Attorney General (AG's electronic form): not later than the 30th day after determining that the breach occurred",
      { threshold: { atLeast: 250 }, timing: { kind: "days", days: 30 } }),
    cra("Tex. Bus. & Com. Code 521.053(h)", { moreThan: 10_000 }),
  ],
  maintainer: ownerNow("Tex. Bus. & Com. Code 521.053(c)"),
};

const UT = unconfirmed({
  state: "US-UT", family: "us-ut-13-44-202", validFrom: "2023-05-03", trigger: "discovery",
  encryptionSafeHarbor: `Utah Code 13-44-102: ${ENC}`,
  definition: def("Utah Code 13-44-102(4)", CORE),
  riskOfHarm: "Utah Code 13-44-202(1): notice when the investigation determines misuse has occurred or is reasonably likely",
  residents: { days: null, citation: "Utah Code 13-44-202(2)", words: WUD },
  regulators: [
    ag("Utah Code 13-44-202(1)(b)", "Office of the Attorney General and the Utah Cyber Center: when residents are notified", { threshold: { atLeast: 500 }, timing: { kind: "noLaterThanResidents" } }),
    cra("Utah Code 13-44-202(1)(c)", { atLeast: 1000 }),
  ],
  maintainer: ownerNow("Utah Code 13-44-202(3)"),
});

const VT: StateSpec = {
  state: "US-VT", family: "us-vt-2435", validFrom: "2020-07-01", trigger: "discovery",
  encryptionSafeHarbor: `9 V.S.A. 2430: ${ENC}`,
  definition: def("9 V.S.A. 2430(10)", [...CORE, ...GOV_IDS, ...HEALTH, "biometric", "genetic"], CREDENTIALS),
  riskOfHarm: "9 V.S.A. 2435(d): not required if misuse is not reasonably possible and the Attorney General is told of that determination",
  substitute: "9 V.S.A. 2435(b)(6)(B): cost over $10,000 or more than 5,000 persons",
  residents: { days: 45, citation: "9 V.S.A. 2435(b)(1)", words: "in the most expedient time possible and without unreasonable delay, not later than 45 days after discovery or notification" },
  regulators: [
    ag("9 V.S.A. 2435(b)(3)", "Attorney General (or Department of Financial Regulation for its licensees): preliminary notice within 14 business days of discovery, or when consumers are notified if sooner (weekends skipped, holidays not)",
      { timing: { kind: "businessDays", days: 14, orWhenResidentsNotified: true } }),
    cra("9 V.S.A. 2435(c)", { moreThan: 1000 }),
  ],
  maintainer: ownerNow("9 V.S.A. 2435(b)(2)"),
};

const VA: StateSpec = {
  state: "US-VA", family: "us-va-18.2-186.6", validFrom: "2008-07-01", trigger: "discovery",
  encryptionSafeHarbor: `Va. Code 18.2-186.6(A): ${ENC}`,
  definition: def("Va. Code 18.2-186.6(A)", [...CORE, "passport", "military_id"]),
  riskOfHarm: "Va. Code 18.2-186.6(B): notice when the breach is reasonably believed to have caused or to cause identity theft or other fraud",
  substitute: "Va. Code 18.2-186.6(A): cost over $50,000 or more than 100,000 residents",
  residents: { days: null, citation: "Va. Code 18.2-186.6(B)", words: "without unreasonable delay" },
  regulators: [
    ag("Va. Code 18.2-186.6(B)", "Attorney General: without unreasonable delay", { timing: { kind: "words" } }),
    cra("Va. Code 18.2-186.6(E)", { moreThan: 1000 }),
  ],
  maintainer: { citation: "Va. Code 18.2-186.6(D)", words: "Owner or licensee: without unreasonable delay" },
};

const WA: StateSpec = {
  state: "US-WA", family: "us-wa-19.255.010", validFrom: "2020-03-01", trigger: "discovery",
  encryptionSafeHarbor: `RCW 19.255.005, 19.255.010: ${ENC}`,
  definition: def("RCW 19.255.005(2)", [...CORE, "passport", "military_id", ...HEALTH, "biometric", "date_of_birth"], CREDENTIALS),
  riskOfHarm: "RCW 19.255.010(1): not required if the breach is not reasonably likely to subject consumers to a risk of harm",
  substitute: "RCW 19.255.010(8)(c): cost over $250,000 or more than 500,000 persons",
  residents: { days: 30, citation: "RCW 19.255.010", words: "in the most expedient time possible, without unreasonable delay, and no more than 30 calendar days after the breach was discovered" },
  regulators: [ag("RCW 19.255.010", "Attorney General: no more than 30 days after the breach was discovered", { threshold: { moreThan: 500 }, timing: { kind: "days", days: 30 } })],
  maintainer: ownerNow("RCW 19.255.010(2)"),
};

const WV = unconfirmed({
  state: "US-WV", family: "us-wv-46a-2a", validFrom: "2008-06-06", trigger: "discovery",
  encryptionSafeHarbor: `W. Va. Code 46A-2A-101: ${ENC}`,
  definition: def("W. Va. Code 46A-2A-101(6)", CORE),
  riskOfHarm: "W. Va. Code 46A-2A-101(1): a breach only where it causes or is reasonably believed to cause identity theft or other fraud",
  substitute: "W. Va. Code 46A-2A-101(7)(D): cost over $50,000 or more than 100,000 persons",
  residents: { days: null, citation: "W. Va. Code 46A-2A-102(a)", words: "without unreasonable delay" },
  regulators: [cra("W. Va. Code 46A-2A-102(e)", { moreThan: 1000 })],
  maintainer: ownerNow("W. Va. Code 46A-2A-102(b)"),
});

const WI = unconfirmed({
  state: "US-WI", family: "us-wi-134.98", validFrom: "2008-03-31", trigger: "awareness",
  encryptionSafeHarbor: `Wis. Stat. 134.98(1)(b): ${ENC}`,
  definition: def("Wis. Stat. 134.98(1)(b)", [...CORE, "biometric", "genetic"]),
  riskOfHarm: "Wis. Stat. 134.98(2)(cm): not required if the acquisition does not create a material risk of identity theft or fraud",
  residents: { days: 45, citation: "Wis. Stat. 134.98(3)(a)", words: "within a reasonable time, not to exceed 45 days after learning of the acquisition" },
  regulators: [cra("Wis. Stat. 134.98(2)(br)", { moreThan: 1000 })],
  maintainer: { citation: "Wis. Stat. 134.98(2)(bm)", words: "Owner or licensee: as soon as practicable" },
});

const WY = unconfirmed({
  state: "US-WY", family: "us-wy-40-12-502", validFrom: "2015-07-01", trigger: "discovery",
  encryptionSafeHarbor: `Wyo. Stat. 40-12-501: ${ENC}`,
  definition: def("Wyo. Stat. 40-12-501(a)(vii), 6-3-901(b)", [...CORE, ...GOV_IDS, ...HEALTH, "biometric"], CREDENTIALS),
  riskOfHarm: "Wyo. Stat. 40-12-502(a): notice when the investigation determines misuse has occurred or is reasonably likely",
  substitute: "Wyo. Stat. 40-12-502(d)(iii): cost over $10,000 for Wyoming-based persons or more than 10,000 residents (unconfirmed)",
  residents: { days: null, citation: "Wyo. Stat. 40-12-502(a)", words: WUD },
  regulators: [],
  maintainer: { citation: "Wyo. Stat. 40-12-502(g)", words: "Owner or licensee: as soon as practicable following the determination" },
});

export const STATES_O_W: readonly StateSpec[] = [OH, OK, OR, PA, RI, SC, SD, TN, TX, UT, VT, VA, WA, WV, WI, WY];
