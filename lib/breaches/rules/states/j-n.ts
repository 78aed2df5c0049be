// US state statutes, Kansas to North Dakota (see a-i.ts for what `unconfirmed` means).
import type { RuleContext } from "../context";
import { hasAnyRole } from "../context";
import type { RegulatorSpec, StateSpec } from "../state-engine";
import { CORE, CREDENTIALS, GOV_IDS, HEALTH } from "../pi-definition";
import { ag, agency, cra, def, ENC, ownerNow, unconfirmed, WUD } from "./helpers";

const KS = unconfirmed({
  state: "US-KS", family: "us-ks-50-7a02", validFrom: "2006-07-01", trigger: "discovery",
  encryptionSafeHarbor: `K.S.A. 50-7a01: ${ENC}`,
  definition: def("K.S.A. 50-7a01(g)", CORE),
  riskOfHarm: "K.S.A. 50-7a02(a): notice when the investigation determines misuse has occurred or is reasonably likely",
  substitute: "K.S.A. 50-7a01(c): cost over $100,000 or more than 5,000 persons",
  residents: { days: null, citation: "K.S.A. 50-7a02(a)", words: WUD },
  regulators: [cra("K.S.A. 50-7a02(f)", { moreThan: 1000 })],
  maintainer: ownerNow("K.S.A. 50-7a02(b)"),
});

const KY = unconfirmed({
  state: "US-KY", family: "us-ky-365.732", validFrom: "2014-07-15", trigger: "discovery",
  encryptionSafeHarbor: `KRS 365.732(1): ${ENC}`,
  definition: def("KRS 365.732(1)(c)", CORE),
  riskOfHarm: "KRS 365.732(1)(a): a breach only where it actually causes or the person reasonably believes it will cause identity theft or fraud",
  substitute: "KRS 365.732(5)(c): cost over $250,000 or more than 500,000 persons",
  residents: { days: null, citation: "KRS 365.732(2)", words: WUD },
  regulators: [cra("KRS 365.732(7)", { moreThan: 1000 })],
  maintainer: ownerNow("KRS 365.732(3)"),
});

const LA = unconfirmed({
  state: "US-LA", family: "us-la-51-3074", validFrom: "2018-08-01", trigger: "discovery",
  encryptionSafeHarbor: `La. R.S. 51:3073: ${ENC}`,
  definition: def("La. R.S. 51:3073(4)", [...CORE, "passport", "biometric"]),
  riskOfHarm: "La. R.S. 51:3074(I): not required if, after a reasonable investigation, there is no reasonable likelihood of harm (written determination kept 5 years)",
  substitute: "La. R.S. 51:3074(G): cost over $100,000 or more than 100,000 persons",
  residents: { days: 60, citation: "La. R.S. 51:3074(E)", words: "in the most expedient time possible and without unreasonable delay, not later than 60 days from discovery of the breach" },
  regulators: [ag("La. Admin. Code tit. 16, pt. III, 701", "Consumer Protection Section of the Attorney General: within 10 days of distributing the resident notice", { timing: { kind: "afterResidentsSent", days: 10 } })],
  maintainer: ownerNow("La. R.S. 51:3074(D)"),
});

const ME: StateSpec = {
  state: "US-ME", family: "us-me-1348", validFrom: "2019-09-19", trigger: "awareness",
  encryptionSafeHarbor: `10 M.R.S. 1347: ${ENC}`,
  definition: def("10 M.R.S. 1347(6)", CORE),
  riskOfHarm: "10 M.R.S. 1348(1)(B): a person other than an information broker notifies when misuse has occurred or is reasonably possible",
  businessDaysAfterDelay: 7,
  substitute: "10 M.R.S. 1347(4): cost over $5,000 or more than 1,000 persons",
  residents: { days: 30, citation: "10 M.R.S. 1348(1)", words: "as expediently as possible and without unreasonable delay, not more than 30 days after becoming aware of the breach and identifying its scope" },
  regulators: [
    ag("10 M.R.S. 1348(5)", "Attorney General, or the state regulator of a regulated person: when resident notice is required (no separate period)", { timing: { kind: "words" } }),
    cra("10 M.R.S. 1348(4)", { moreThan: 1000 }),
  ],
  maintainer: ownerNow("10 M.R.S. 1348(2)"),
};

const MD: StateSpec = {
  state: "US-MD", family: "us-md-14-3504", validFrom: "2022-10-01", trigger: "discovery",
  encryptionSafeHarbor: `Md. Code, Com. Law 14-3501: ${ENC}`,
  definition: def("Md. Code, Com. Law 14-3501(e)", [...CORE, ...GOV_IDS, ...HEALTH, "biometric", "genetic"], CREDENTIALS),
  riskOfHarm: "Md. Code, Com. Law 14-3504(b)(2): not required if the investigation determines misuse is not reasonably likely (documented, kept 3 years)",
  substitute: "Md. Code, Com. Law 14-3504(e)(4): cost over $100,000 or more than 175,000 persons",
  residents: { days: 45, citation: "Md. Code, Com. Law 14-3504(c)", words: "as soon as reasonably practicable, but not later than 45 days after discovering or being notified of the breach" },
  regulators: [
    ag("Md. Code, Com. Law 14-3504(h)", "Attorney General: before notifying individuals (the resident deadline, or the sending of the resident notice if earlier)", { timing: { kind: "noLaterThanResidents" } }),
    cra("Md. Code, Com. Law 14-3506", { atLeast: 1000 }),
  ],
  maintainer: { citation: "Md. Code, Com. Law 14-3504(d)", words: "Owner or licensee: as soon as practicable but not later than 45 days after discovering the breach", days: 45 },
};

const MA: StateSpec = {
  state: "US-MA", family: "us-ma-93h-3", validFrom: "2008-07-01", trigger: "discovery",
  encryptionSafeHarbor: `M.G.L. c. 93H, 1: ${ENC}`,
  definition: def("M.G.L. c. 93H, 1", ["ssn", "drivers_license", "state_id", "financial_account", "payment_card"]),
  substitute: "M.G.L. c. 93H, 1: cost over $250,000 or more than 500,000 residents",
  residents: { days: null, citation: "M.G.L. c. 93H, 3(b)", words: "as soon as practicable and without unreasonable delay" },
  regulators: [
    ag("M.G.L. c. 93H, 3(b)", "Attorney General: as soon as practicable and without unreasonable delay", { timing: { kind: "words" } }),
    agency("M.G.L. c. 93H, 3(b)", "Director of the Office of Consumer Affairs and Business Regulation: as soon as practicable and without unreasonable delay", { timing: { kind: "words" } }),
  ],
  maintainer: { citation: "M.G.L. c. 93H, 3(a)", words: "Owner or licensee: as soon as practicable and without unreasonable delay" },
};

const MI: StateSpec = {
  state: "US-MI", family: "us-mi-445.72", validFrom: "2008-07-01", trigger: "discovery",
  encryptionSafeHarbor: `MCL 445.63, 445.72: ${ENC}`,
  definition: def("MCL 445.63(r)", CORE),
  riskOfHarm: "MCL 445.72(1): not required if the breach has not or is not likely to cause substantial loss or injury or identity theft",
  substitute: "MCL 445.72(5)(d): cost over $250,000 or more than 500,000 residents",
  residents: { days: null, citation: "MCL 445.72(1)", words: "without unreasonable delay" },
  regulators: [cra("MCL 445.72(8)", { moreThan: 1000 })],
  maintainer: { citation: "MCL 445.72(2)", words: "Owner or licensee: without unreasonable delay" },
};

const MN = unconfirmed({
  state: "US-MN", family: "us-mn-325e.61", validFrom: "2006-01-01", trigger: "discovery",
  encryptionSafeHarbor: `Minn. Stat. 325E.61(1)(e): ${ENC}`,
  definition: def("Minn. Stat. 325E.61(1)(e)", CORE),
  substitute: "Minn. Stat. 325E.61(1)(g): cost over $250,000 or more than 500,000 persons",
  residents: { days: null, citation: "Minn. Stat. 325E.61(1)(a)", words: WUD },
  regulators: [cra("Minn. Stat. 325E.61(2)", { moreThan: 500 }, { kind: "hours", hours: 48 }, "within 48 hours")],
  maintainer: ownerNow("Minn. Stat. 325E.61(1)(b)"),
});

const MS = unconfirmed({
  state: "US-MS", family: "us-ms-75-24-29", validFrom: "2011-07-01", trigger: "discovery",
  encryptionSafeHarbor: `Miss. Code 75-24-29(2): ${ENC}`,
  definition: def("Miss. Code 75-24-29(2)(b)", CORE),
  riskOfHarm: "Miss. Code 75-24-29(3): not required if, after investigation, the breach will likely not result in harm",
  substitute: "Miss. Code 75-24-29(6): cost over $5,000 or more than 5,000 persons",
  residents: { days: null, citation: "Miss. Code 75-24-29(3)", words: "without unreasonable delay" },
  regulators: [],
  maintainer: { citation: "Miss. Code 75-24-29(4)", words: "Owner or licensee: as soon as practicable following discovery" },
});

const MO = unconfirmed({
  state: "US-MO", family: "us-mo-407.1500", validFrom: "2009-08-28", trigger: "discovery",
  encryptionSafeHarbor: `Mo. Rev. Stat. 407.1500(1): ${ENC}`,
  definition: def("Mo. Rev. Stat. 407.1500(1)(9)", [...CORE, ...HEALTH]),
  riskOfHarm: "Mo. Rev. Stat. 407.1500(2)(5): not required if, after investigation or consultation with law enforcement, there is no reasonable likelihood of identity theft or fraud (documented, kept 5 years)",
  substitute: "Mo. Rev. Stat. 407.1500(2)(6)(d): cost over $100,000 or more than 150,000 persons",
  residents: { days: null, citation: "Mo. Rev. Stat. 407.1500(2)(1)", words: "without unreasonable delay" },
  regulators: [
    ag("Mo. Rev. Stat. 407.1500(2)(8)", "Attorney General's office: without unreasonable delay, of the timing, distribution and content of the notice", { threshold: { moreThan: 1000 }, timing: { kind: "words" } }),
    cra("Mo. Rev. Stat. 407.1500(2)(8)", { moreThan: 1000 }),
  ],
  maintainer: ownerNow("Mo. Rev. Stat. 407.1500(2)(2)"),
});

const MT = unconfirmed({
  state: "US-MT", family: "us-mt-30-14-1704", validFrom: "2015-10-01", trigger: "discovery",
  encryptionSafeHarbor: `Mont. Code 30-14-1704(4): ${ENC}`,
  definition: def("Mont. Code 30-14-1704(4)(b)", [...CORE, "tax_id", "medical", "health_insurance"]),
  substitute: "Mont. Code 30-14-1704(5): cost over $250,000 or more than 500,000 persons",
  residents: { days: null, citation: "Mont. Code 30-14-1704(1)", words: "without unreasonable delay" },
  regulators: [ag("Mont. Code 30-14-1704(8)", "Attorney General's Office of Consumer Protection: simultaneously with the resident notice (electronic copy of the notice and the number notified)", { timing: { kind: "noLaterThanResidents" } })],
  maintainer: ownerNow("Mont. Code 30-14-1704(2)"),
});

const NE = unconfirmed({
  state: "US-NE", family: "us-ne-87-803", validFrom: "2016-07-20", trigger: "discovery",
  encryptionSafeHarbor: `Neb. Rev. Stat. 87-802: ${ENC}`,
  definition: def("Neb. Rev. Stat. 87-802(5)", [...CORE, "biometric"], CREDENTIALS),
  riskOfHarm: "Neb. Rev. Stat. 87-803(1): notice when the investigation determines use for an unauthorized purpose has occurred or is reasonably likely",
  substitute: "Neb. Rev. Stat. 87-802(4): cost over $75,000 or more than 100,000 residents",
  residents: { days: null, citation: "Neb. Rev. Stat. 87-803(1)", words: "as soon as possible and without unreasonable delay" },
  regulators: [ag("Neb. Rev. Stat. 87-803(2)", "Attorney General: not later than the time notice is provided to residents", { timing: { kind: "noLaterThanResidents" } })],
  maintainer: ownerNow("Neb. Rev. Stat. 87-803(3)"),
});

const NV = unconfirmed({
  state: "US-NV", family: "us-nv-603a.220", validFrom: "2015-07-01", trigger: "discovery",
  encryptionSafeHarbor: `NRS 603A.040: ${ENC}`,
  definition: def("NRS 603A.040", [...CORE, ...HEALTH], CREDENTIALS),
  substitute: "NRS 603A.220(4)(c): cost over $250,000 or more than 500,000 persons",
  residents: { days: null, citation: "NRS 603A.220(1)", words: WUD },
  regulators: [cra("NRS 603A.220(6)", { moreThan: 1000 })],
  maintainer: ownerNow("NRS 603A.220(2)"),
});

const NH = unconfirmed({
  state: "US-NH", family: "us-nh-359-c-20", validFrom: "2007-01-01", trigger: "awareness",
  encryptionSafeHarbor: `RSA 359-C:19: ${ENC}`,
  definition: def("RSA 359-C:19(IV)", CORE),
  riskOfHarm: "RSA 359-C:20(I)(a): notice unless the investigation determines misuse has not occurred and is not reasonably likely",
  substitute: "RSA 359-C:20(III)(d): cost over $5,000 or more than 1,000 persons",
  residents: { days: null, citation: "RSA 359-C:20(I)(a)", words: "as soon as possible" },
  regulators: [
    ag("RSA 359-C:20(I)(b)", "Attorney General's office (or the primary regulator): of the anticipated date of the resident notice and the approximate number notified", { timing: { kind: "noLaterThanResidents" } }),
    cra("RSA 359-C:20(VI)(a)", { moreThan: 1000 }),
  ],
  maintainer: ownerNow("RSA 359-C:20(I)(c)"),
});

const NJ = unconfirmed({
  state: "US-NJ", family: "us-nj-56-8-163", validFrom: "2019-09-01", trigger: "discovery",
  encryptionSafeHarbor: `N.J.S.A. 56:8-161: ${ENC}`,
  definition: def("N.J.S.A. 56:8-161", CORE, CREDENTIALS),
  riskOfHarm: "N.J.S.A. 56:8-163(a): not required if misuse is not reasonably possible (documented in writing, kept 5 years)",
  substitute: "N.J.S.A. 56:8-163(d)(2): cost over $250,000 or more than 500,000 persons",
  residents: { days: null, citation: "N.J.S.A. 56:8-163(a)", words: WUD },
  regulators: [
    { recipient: "state_police", citation: "N.J.S.A. 56:8-163(c)(1)", words: "Division of State Police in the Department of Law and Public Safety: before notifying customers", timing: { kind: "noLaterThanResidents" } },
    cra("N.J.S.A. 56:8-163(f)", { moreThan: 1000 }),
  ],
  maintainer: ownerNow("N.J.S.A. 56:8-163(b)"),
});

const NM = unconfirmed({
  state: "US-NM", family: "us-nm-57-12c", validFrom: "2017-06-16", trigger: "discovery",
  encryptionSafeHarbor: `N.M. Stat. 57-12C-2: ${ENC}`,
  definition: def("N.M. Stat. 57-12C-2(C)", [...CORE, "biometric"]),
  riskOfHarm: "N.M. Stat. 57-12C-6(C): not required if, after an appropriate investigation, there is no significant risk of identity theft or fraud",
  substitute: "N.M. Stat. 57-12C-7(D): cost over $100,000 or more than 50,000 residents",
  residents: { days: 45, citation: "N.M. Stat. 57-12C-6(A)", words: "in the most expedient time possible, but not later than 45 calendar days following discovery of the breach" },
  regulators: [
    ag("N.M. Stat. 57-12C-10", "Office of the Attorney General: in the most expedient time possible, not later than 45 days following discovery", { threshold: { moreThan: 1000 }, timing: { kind: "days", days: 45 } }),
    cra("N.M. Stat. 57-12C-10", { moreThan: 1000 }, { kind: "days", days: 45 }, "not later than 45 days following discovery"),
  ],
  maintainer: { citation: "N.M. Stat. 57-12C-6(B)", words: "Owner or licensee: in the most expedient time possible, but not later than 45 calendar days following discovery", days: 45 },
});

/** N.Y. GBL 899-aa(9) applies to covered entities that notify HHS of a HIPAA breach. */
function hipaaBreachAsCoveredEntity(ctx: RuleContext): boolean {
  const i = ctx.incident;
  return hasAnyRole(ctx, ["covered_entity"]) && i.phi && !i.encrypted && !i.hipaaLowProbabilityOfCompromise;
}
const NY_REGULATORS = (due: string): RegulatorSpec[] => [
  ag("N.Y. Gen. Bus. Law 899-aa(8)", `Attorney General: the timing, content and distribution of the notices and the approximate number affected (${due})`, { timing: { kind: "words" } }),
  agency("N.Y. Gen. Bus. Law 899-aa(8)", `Department of State: the timing, content and distribution of the notices and the approximate number affected (${due})`, { timing: { kind: "words" } }),
  { recipient: "state_police", citation: "N.Y. Gen. Bus. Law 899-aa(8)", words: `Division of State Police: the timing, content and distribution of the notices and the approximate number affected (${due})`, timing: { kind: "words" } },
  ag("N.Y. Gen. Bus. Law 899-aa(9)", "Attorney General (HIPAA covered entity): within 5 business days of notifying the Secretary of HHS (no due instant until the HHS notice is recorded as sent)", {
    timing: { kind: "businessDaysAfterSent", dependsOn: "HIPAA:hhs", days: 5 }, keySuffix: "hipaa", onlyWhen: hipaaBreachAsCoveredEntity,
  }),
  cra("N.Y. Gen. Bus. Law 899-aa(8)(b)", { moreThan: 5000 }),
];
const NY_BASE = {
  state: "US-NY", family: "us-ny-899-aa", trigger: "discovery", encryptionSafeHarbor: `N.Y. Gen. Bus. Law 899-aa(1)(b): ${ENC}`,
  definition: def("N.Y. Gen. Bus. Law 899-aa(1)(b)", [...CORE, "financial_account", "biometric"], CREDENTIALS),
  substitute: "N.Y. Gen. Bus. Law 899-aa(5)(d): cost over $250,000 or more than 500,000 persons",
  maintainer: ownerNow("N.Y. Gen. Bus. Law 899-aa(3)"),
} as const;
// SHIELD Act amendments (in force 2019-10-23): no fixed resident period.
const NY_2019: StateSpec = {
  ...NY_BASE, validFrom: "2019-10-23",
  residents: { days: null, citation: "N.Y. Gen. Bus. Law 899-aa(2)", words: "in the most expedient time possible and without unreasonable delay" },
  regulators: NY_REGULATORS("no separate period: with the resident notices"),
};
// Amendment signed 2024-12-21: 30 days after discovery.
const NY_2024: StateSpec = {
  ...NY_BASE, validFrom: "2024-12-21",
  residents: { days: 30, citation: "N.Y. Gen. Bus. Law 899-aa(2) (as amended 2024-12-21)", words: "in the most expedient time possible and without unreasonable delay, within 30 days after discovery" },
  regulators: NY_REGULATORS("no separate period: with the resident notices"),
};

const NC: StateSpec = {
  state: "US-NC", family: "us-nc-75-65", validFrom: "2008-07-01", trigger: "discovery",
  encryptionSafeHarbor: `N.C. Gen. Stat. 75-61: ${ENC}`,
  definition: def("N.C. Gen. Stat. 75-61(10), 14-113.20(b)", [...CORE, ...GOV_IDS, "financial_account", "payment_card", "biometric"], CREDENTIALS),
  riskOfHarm: "N.C. Gen. Stat. 75-61(14): a breach only where illegal use has occurred or is reasonably likely, or there is a material risk of harm",
  substitute: "N.C. Gen. Stat. 75-65(e)(4): cost over $250,000 or more than 500,000 persons",
  residents: { days: null, citation: "N.C. Gen. Stat. 75-65(a)", words: "without unreasonable delay" },
  regulators: [
    { ...ag("N.C. Gen. Stat. 75-65(e1)", "Consumer Protection Division of the Attorney General's Office: without unreasonable delay, of the nature of the breach, the number affected, the steps taken and the notice to residents", { timing: { kind: "words" } }), confirmed: false },
    cra("N.C. Gen. Stat. 75-65(f)", { moreThan: 1000 }),
  ],
  maintainer: ownerNow("N.C. Gen. Stat. 75-65(b)"),
};

const ND = unconfirmed({
  state: "US-ND", family: "us-nd-51-30", validFrom: "2015-08-01", trigger: "discovery",
  encryptionSafeHarbor: `N.D.C.C. 51-30-01: ${ENC}`,
  definition: def("N.D.C.C. 51-30-01(4)", [...CORE, "date_of_birth", "mothers_maiden_name", ...HEALTH]),
  substitute: "N.D.C.C. 51-30-05(3): cost over $250,000 or more than 500,000 persons",
  residents: { days: null, citation: "N.D.C.C. 51-30-02", words: WUD },
  regulators: [ag("N.D.C.C. 51-30-02", "Attorney General: in the most expedient time possible and without unreasonable delay", { threshold: { moreThan: 250 }, timing: { kind: "words" } })],
  maintainer: ownerNow("N.D.C.C. 51-30-03"),
});

export const STATES_J_N: readonly StateSpec[] = [KS, KY, LA, ME, MD, MA, MI, MN, MS, MO, MT, NE, NV, NH, NJ, NM, NY_2019, NY_2024, NC, ND];
