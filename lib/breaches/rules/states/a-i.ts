// US state statutes, Alabama to Iowa (California is rules/california.ts). Rows marked
// `unconfirmed` were written from knowledge of the statute, not checked against its text here:
// they are listed in MISSING_RULES and shown as confirmed: false in docs/breach-rules.md.
import type { StateSpec } from "../state-engine";
import { CORE, CREDENTIALS, GOV_IDS, HEALTH } from "../pi-definition";
import { ag, agency, cra, def, ENC, ownerNow, unconfirmed, WUD } from "./helpers";

const AL = unconfirmed({
  state: "US-AL", family: "us-al-8-38", validFrom: "2018-06-01", trigger: "determination",
  encryptionSafeHarbor: `Ala. Code 8-38-2: ${ENC}`,
  definition: def("Ala. Code 8-38-2(6)", [...CORE, ...GOV_IDS, ...HEALTH], CREDENTIALS),
  riskOfHarm: "Ala. Code 8-38-5(a): not required if, after a good-faith investigation, substantial harm is not reasonably likely",
  substitute: "Ala. Code 8-38-5(e): cost over $500,000 or more than 100,000 individuals",
  residents: { days: 45, citation: "Ala. Code 8-38-5(b)", words: "as expeditiously as possible and without unreasonable delay, within 45 days of the determination of a breach and of a risk of substantial harm" },
  regulators: [
    ag("Ala. Code 8-38-6", "Attorney General: as expeditiously as possible, within 45 days of the determination", { threshold: { moreThan: 1000 }, timing: { kind: "days", days: 45 } }),
    cra("Ala. Code 8-38-7", { moreThan: 1000 }),
  ],
  maintainer: { citation: "Ala. Code 8-38-8", words: "Covered entity (data owner): as expeditiously as possible, within 10 days following the determination of a breach", days: 10 },
});

const AK = unconfirmed({
  state: "US-AK", family: "us-ak-45.48", validFrom: "2009-07-01", trigger: "discovery",
  encryptionSafeHarbor: `Alaska Stat. 45.48.090: ${ENC}`,
  definition: def("Alaska Stat. 45.48.090(7)", [...CORE, "financial_account"]),
  riskOfHarm: "Alaska Stat. 45.48.010(c): not required if, after investigation and written notice to the Attorney General, harm is not reasonably likely (the AG notice is then required)",
  substitute: "Alaska Stat. 45.48.030: cost over $150,000 or more than 300,000 persons",
  residents: { days: null, citation: "Alaska Stat. 45.48.010(b)", words: "in the most expeditious time possible and without unreasonable delay" },
  regulators: [cra("Alaska Stat. 45.48.040", { moreThan: 1000 })],
  maintainer: ownerNow("Alaska Stat. 45.48.010(d)"),
});

const AZ: StateSpec = {
  state: "US-AZ", family: "us-az-18-552", validFrom: "2018-08-03", trigger: "determination",
  encryptionSafeHarbor: `A.R.S. 18-551: ${ENC}`,
  definition: def("A.R.S. 18-551(11)", [...CORE, ...GOV_IDS, ...HEALTH, "biometric"], CREDENTIALS),
  riskOfHarm: "A.R.S. 18-552(J): not required if an investigation determines the breach has not resulted in or is not reasonably likely to result in substantial economic loss",
  hipaaEntitiesExempt: "A.R.S. 18-552: HIPAA covered entities and business associates complying with HIPAA are deemed compliant",
  substitute: "A.R.S. 18-552(F): cost over $50,000 or more than 100,000 individuals (unconfirmed)",
  residents: { days: 45, citation: "A.R.S. 18-552(B)", words: "within 45 days after determining that a breach occurred" },
  regulators: [
    ag("A.R.S. 18-552(B)", "Attorney General: within 45 days after determining that a breach occurred", { threshold: { moreThan: 1000 }, timing: { kind: "days", days: 45 } }),
    agency("A.R.S. 18-552(B)", "Arizona Department of Homeland Security: within 45 days after determining that a breach occurred", { threshold: { moreThan: 1000 }, timing: { kind: "days", days: 45 } }),
    cra("A.R.S. 18-552(B)", { moreThan: 1000 }, { kind: "days", days: 45 }, "within 45 days"),
  ],
  maintainer: { citation: "A.R.S. 18-552(C)", words: "Owner or licensee: as soon as practicable but not later than 10 business days after discovery (period unconfirmed: shown as 10 calendar days, the earlier date)", days: 10 },
};

const AR = unconfirmed({
  state: "US-AR", family: "us-ar-4-110", validFrom: "2019-07-23", trigger: "discovery",
  encryptionSafeHarbor: `Ark. Code 4-110-103: ${ENC}`,
  definition: def("Ark. Code 4-110-103(7)", [...CORE, "medical", "biometric"]),
  riskOfHarm: "Ark. Code 4-110-105(d): not required if, after a reasonable investigation, there is no reasonable likelihood of harm",
  substitute: "Ark. Code 4-110-105(e): cost over $250,000 or more than 500,000 persons",
  residents: { days: null, citation: "Ark. Code 4-110-105(a)", words: WUD },
  regulators: [ag("Ark. Code 4-110-105(a)(2)", "Attorney General: at the same time as the resident notice or within 45 days after determining the breach, whichever is first",
    { threshold: { moreThan: 1000 }, timing: { kind: "days", days: 45 } })],
  maintainer: ownerNow("Ark. Code 4-110-105(b)"),
});

const CO: StateSpec = {
  state: "US-CO", family: "us-co-6-1-716", validFrom: "2018-09-01", trigger: "determination",
  encryptionSafeHarbor: `C.R.S. 6-1-716(1): ${ENC}`,
  definition: def("C.R.S. 6-1-716(1)(g)", [...CORE, "passport", "military_id", ...HEALTH, "biometric"], CREDENTIALS),
  riskOfHarm: "C.R.S. 6-1-716(2)(a): not required if the investigation determines misuse has not occurred and is not reasonably likely",
  substitute: "C.R.S. 6-1-716(1)(i): cost over $250,000 or more than 250,000 residents (unconfirmed)",
  residents: { days: 30, citation: "C.R.S. 6-1-716(2)", words: "in the most expedient time possible and without unreasonable delay, not later than 30 days after the determination that a security breach occurred" },
  regulators: [
    ag("C.R.S. 6-1-716(2)", "Attorney General: not later than 30 days after the determination that a security breach occurred", { threshold: { atLeast: 500 }, timing: { kind: "days", days: 30 } }),
    cra("C.R.S. 6-1-716(2)(d)", { moreThan: 1000 }),
  ],
  maintainer: ownerNow("C.R.S. 6-1-716(2)(b)"),
};

const CT: StateSpec = {
  state: "US-CT", family: "us-ct-36a-701b", validFrom: "2021-10-01", trigger: "discovery",
  encryptionSafeHarbor: `Conn. Gen. Stat. 36a-701b: ${ENC}`,
  definition: def("Conn. Gen. Stat. 36a-701b(a)", [...CORE, ...GOV_IDS, ...HEALTH, "biometric"], CREDENTIALS),
  riskOfHarm: "Conn. Gen. Stat. 36a-701b(b)(1): not required if, after investigation and consultation with law enforcement, harm is not reasonably likely",
  substitute: "Conn. Gen. Stat. 36a-701b(e): cost over $250,000 or more than 500,000 persons",
  residents: { days: 60, citation: "Conn. Gen. Stat. 36a-701b(b)", words: "without unreasonable delay but not later than 60 days after discovery of the breach" },
  regulators: [ag("Conn. Gen. Stat. 36a-701b(b)", "Attorney General: not later than the time notice is provided to residents (the resident deadline, or the sending of the resident notice if earlier)", { timing: { kind: "noLaterThanResidents" } })],
  maintainer: ownerNow("Conn. Gen. Stat. 36a-701b(c)"),
};

const DE = unconfirmed({
  state: "US-DE", family: "us-de-12b-102", validFrom: "2018-04-14", trigger: "determination",
  encryptionSafeHarbor: `6 Del. C. 12B-101: ${ENC}`,
  definition: def("6 Del. C. 12B-101(7)", [...CORE, ...GOV_IDS, ...HEALTH, "biometric"], CREDENTIALS),
  riskOfHarm: "6 Del. C. 12B-102(a): not required if, after an appropriate investigation, the breach is unlikely to result in harm",
  substitute: "6 Del. C. 12B-101(5): cost over $75,000 or more than 100,000 residents",
  residents: { days: 60, citation: "6 Del. C. 12B-102(c)", words: "without unreasonable delay but not later than 60 days after determination of the breach" },
  regulators: [ag("6 Del. C. 12B-102(d)", "Attorney General: not later than the time notice is provided to residents", { threshold: { moreThan: 500 }, timing: { kind: "noLaterThanResidents" } })],
  maintainer: ownerNow("6 Del. C. 12B-102(b)"),
});

const DC = unconfirmed({
  state: "US-DC", family: "us-dc-28-3852", validFrom: "2020-06-17", trigger: "discovery",
  encryptionSafeHarbor: `D.C. Code 28-3851: ${ENC}`,
  definition: def("D.C. Code 28-3851(3)", [...CORE, ...GOV_IDS, ...HEALTH, "biometric", "genetic"], CREDENTIALS),
  riskOfHarm: "D.C. Code 28-3852(g): not required if, after investigation and consultation with the Attorney General and law enforcement, the breach will likely not result in harm",
  substitute: "D.C. Code 28-3851(4): cost over $50,000 or more than 100,000 persons",
  residents: { days: null, citation: "D.C. Code 28-3852(a)", words: WUD },
  regulators: [
    ag("D.C. Code 28-3852(b-1)", "Attorney General: promptly, no later than the resident notice", { threshold: { atLeast: 50 }, timing: { kind: "noLaterThanResidents" } }),
    cra("D.C. Code 28-3852(c)", { moreThan: 1000 }),
  ],
  maintainer: { citation: "D.C. Code 28-3852(b)", words: "Owner or licensee: in the most expedient time possible following discovery" },
});

const FL: StateSpec = {
  state: "US-FL", family: "us-fl-501.171", validFrom: "2014-07-01", trigger: "determination",
  encryptionSafeHarbor: `Fla. Stat. 501.171(1)(g): ${ENC}`,
  definition: def("Fla. Stat. 501.171(1)(g)", [...CORE, "passport", "military_id", ...HEALTH], CREDENTIALS),
  riskOfHarm: "Fla. Stat. 501.171(4)(c): not required if, after investigation and consultation with law enforcement, the breach has not and will not likely result in identity theft or financial harm; the written determination goes to the Department of Legal Affairs within 30 days",
  substitute: "Fla. Stat. 501.171(4)(f): cost over $250,000 or more than 500,000 individuals",
  residents: { days: 30, citation: "Fla. Stat. 501.171(4)", words: "as expeditiously as practicable and without unreasonable delay, no later than 30 days after the determination of a breach (the 15 extra days for good cause are not applied: their scope is unconfirmed)" },
  regulators: [
    ag("Fla. Stat. 501.171(3)", "Department of Legal Affairs (Attorney General): as expeditiously as practicable, no later than 30 days after the determination of a breach",
      { threshold: { atLeast: 500 }, timing: { kind: "days", days: 30 } }),
    cra("Fla. Stat. 501.171(5)", { moreThan: 1000 }),
  ],
  maintainer: { citation: "Fla. Stat. 501.171(6)(a)", words: "Covered entity (data owner), by the third-party agent: as expeditiously as practicable, but no later than 10 days following the determination of the breach", days: 10 },
};

const GA: StateSpec = {
  state: "US-GA", family: "us-ga-10-1-912", validFrom: "2008-07-01", trigger: "discovery",
  encryptionSafeHarbor: `O.C.G.A. 10-1-911: ${ENC}`,
  definition: def("O.C.G.A. 10-1-911(6)", [...CORE, "financial_account", "payment_card"]),
  residents: { days: null, citation: "O.C.G.A. 10-1-912(a)", words: "in the most expedient time possible and without unreasonable delay" },
  substitute: "O.C.G.A. 10-1-911(4): cost over $50,000 or more than 100,000 persons (unconfirmed)",
  regulators: [cra("O.C.G.A. 10-1-912(d)", { moreThan: 10_000 })],
  maintainer: { citation: "O.C.G.A. 10-1-912(b)", words: "Information broker or person maintaining the data: within 24 hours following discovery", hours: 24 },
};

const HI = unconfirmed({
  state: "US-HI", family: "us-hi-487n-2", validFrom: "2008-07-01", trigger: "discovery",
  encryptionSafeHarbor: `HRS 487N-1: ${ENC}`,
  definition: def("HRS 487N-1", CORE),
  riskOfHarm: "HRS 487N-1 (security breach): only where illegal use has occurred or is reasonably likely and creates a risk of harm",
  substitute: "HRS 487N-2(e): cost over $100,000 or more than 200,000 persons",
  residents: { days: null, citation: "HRS 487N-2(a)", words: "without unreasonable delay" },
  regulators: [
    agency("HRS 487N-2(f)", "Office of Consumer Protection: without unreasonable delay, of the timing, distribution and content of the notice", { threshold: { moreThan: 1000 }, timing: { kind: "words" } }),
    cra("HRS 487N-2(f)", { moreThan: 1000 }),
  ],
  maintainer: ownerNow("HRS 487N-2(b)"),
});

const ID = unconfirmed({
  state: "US-ID", family: "us-id-28-51-105", validFrom: "2015-07-01", trigger: "awareness",
  encryptionSafeHarbor: `Idaho Code 28-51-104: ${ENC}`,
  definition: def("Idaho Code 28-51-104(5)", CORE),
  riskOfHarm: "Idaho Code 28-51-105(1): notice when the investigation determines misuse has occurred or is reasonably likely",
  substitute: "Idaho Code 28-51-104(6): cost over $25,000 or more than 50,000 Idahoans",
  residents: { days: null, citation: "Idaho Code 28-51-105(1)", words: WUD },
  regulators: [],
  maintainer: ownerNow("Idaho Code 28-51-105(2)"),
});

const IL: StateSpec = {
  state: "US-IL", family: "us-il-530-10", validFrom: "2020-01-01", trigger: "discovery",
  encryptionSafeHarbor: `815 ILCS 530/5, 530/10: ${ENC}`,
  definition: def("815 ILCS 530/5", [...CORE, ...HEALTH, "biometric"], CREDENTIALS),
  substitute: "815 ILCS 530/10(c): cost over $250,000 or more than 500,000 persons",
  residents: { days: null, citation: "815 ILCS 530/10(a)", words: "in the most expedient time possible and without unreasonable delay" },
  regulators: [ag("815 ILCS 530/10(e)", "Attorney General: in the most expedient time possible, not later than when residents are notified", { threshold: { moreThan: 500 }, timing: { kind: "noLaterThanResidents" } })],
  maintainer: ownerNow("815 ILCS 530/10(b)"),
};

const IN = unconfirmed({
  state: "US-IN", family: "us-in-24-4.9", validFrom: "2022-07-01", trigger: "discovery",
  encryptionSafeHarbor: `Ind. Code 24-4.9-2-5: ${ENC}`,
  definition: def("Ind. Code 24-4.9-2-10", ["drivers_license", "state_id", "payment_card_with_code", "financial_account_with_code"], ["ssn"]),
  riskOfHarm: "Ind. Code 24-4.9-3-1: notice when the breach has resulted in or could result in identity deception, identity theft or fraud",
  substitute: "Ind. Code 24-4.9-3-4(c): cost over $250,000 or more than 500,000 residents",
  residents: { days: 45, citation: "Ind. Code 24-4.9-3-3", words: "without unreasonable delay, and not more than 45 days after discovery of the breach" },
  regulators: [
    ag("Ind. Code 24-4.9-3-1(c)", "Attorney General: when residents are notified", { timing: { kind: "noLaterThanResidents" } }),
    cra("Ind. Code 24-4.9-3-1(b)", { moreThan: 1000 }),
  ],
  maintainer: ownerNow("Ind. Code 24-4.9-3-2"),
});

const IA = unconfirmed({
  state: "US-IA", family: "us-ia-715c.2", validFrom: "2014-07-01", trigger: "discovery",
  encryptionSafeHarbor: `Iowa Code 715C.1: ${ENC}`,
  definition: def("Iowa Code 715C.1(11)", [...CORE, "biometric"]),
  riskOfHarm: "Iowa Code 715C.2(6): not required if, after investigation or consultation with law enforcement, no reasonable likelihood of financial harm (documented, kept 5 years)",
  substitute: "Iowa Code 715C.2(4)(c): cost over $250,000 or more than 350,000 persons",
  residents: { days: null, citation: "Iowa Code 715C.2(1)", words: WUD },
  regulators: [ag("Iowa Code 715C.2(8)", "Director of the Consumer Protection Division of the Attorney General's office: within 5 business days after notifying consumers",
    { threshold: { moreThan: 500 }, timing: { kind: "businessDaysAfterSent", dependsOn: "US-IA:individuals", days: 5 } })],
  maintainer: ownerNow("Iowa Code 715C.2(2)"),
});

export const STATES_A_I: readonly StateSpec[] = [AL, AK, AZ, AR, CO, CT, DE, DC, FL, GA, HI, ID, IL, IN, IA];
