// US state breach-notification statutes other than California (rules/california.ts), for private
// entities, from a table of the statutes. Citations are to the section; subsections
// are given only where the table or the text is certain.
//
// validFrom: the date the encoded wording took effect where the sources give it; for the
// "without unreasonable delay" states it is a lower bound by which the wording was in force
// (no earlier version is encoded, see MISSING_RULES). Every state here exempts data that was
// encrypted with an uncompromised key (its definition of personal information or of a breach);
// `encrypted` in the incident means exactly that, so encrypted incidents yield no state notice.
import type { RuleContext } from "./context";
import { hasAnyRole } from "./context";
import type { RegulatorSpec, StateSpec } from "./state-engine";
import { defineStateRule } from "./state-engine";

const ENC = "personal information excludes encrypted data unless the key was also compromised";

function ag(citation: string, words: string, rest: Omit<RegulatorSpec, "recipient" | "citation" | "words">): RegulatorSpec {
  return { recipient: "attorney_general", citation, words, ...rest };
}

/** N.Y. GBL 899-aa(9) applies to covered entities that notify HHS of a HIPAA breach. */
function hipaaBreachAsCoveredEntity(ctx: RuleContext): boolean {
  const i = ctx.incident;
  return hasAnyRole(ctx, ["covered_entity"]) && i.phi && !i.encrypted && !i.hipaaLowProbabilityOfCompromise;
}

const TX: StateSpec = {
  state: "US-TX", family: "us-tx-521.053", validFrom: "2023-09-01", trigger: "determination",
  encryptionSafeHarbor: `Tex. Bus. & Com. Code 521.053(a): encrypted data is covered only with the key (${ENC})`,
  residents: { days: 60, citation: "Tex. Bus. & Com. Code 521.053(b)", words: "without unreasonable delay and not later than the 60th day after determining that the breach occurred" },
  regulators: [ag("Tex. Bus. & Com. Code 521.053(i)", "Attorney General (AG's electronic form): not later than the 30th day after determining that the breach occurred",
    { threshold: { atLeast: 250 }, timing: { kind: "days", days: 30 } })],
};

const FL: StateSpec = {
  state: "US-FL", family: "us-fl-501.171", validFrom: "2014-07-01", trigger: "determination",
  encryptionSafeHarbor: `Fla. Stat. 501.171(1)(g): ${ENC}`,
  residents: { days: 30, citation: "Fla. Stat. 501.171(4)", words: "as expeditiously as practicable and without unreasonable delay, no later than 30 days after the determination of a breach (the 15 extra days for good cause are not applied: their scope is unconfirmed)" },
  regulators: [ag("Fla. Stat. 501.171(3)", "Department of Legal Affairs (Attorney General): as expeditiously as practicable, no later than 30 days after the determination of a breach",
    { threshold: { atLeast: 500 }, timing: { kind: "days", days: 30 } })],
};

const NY_REGULATORS = (due: string): RegulatorSpec[] => [
  ag("N.Y. Gen. Bus. Law 899-aa(8)", `Attorney General: the timing, content and distribution of the notices and the approximate number affected (${due})`, { timing: { kind: "words" } }),
  { recipient: "state_regulator", citation: "N.Y. Gen. Bus. Law 899-aa(8)", words: `Department of State: the timing, content and distribution of the notices and the approximate number affected (${due})`, timing: { kind: "words" } },
  { recipient: "state_police", citation: "N.Y. Gen. Bus. Law 899-aa(8)", words: `Division of State Police: the timing, content and distribution of the notices and the approximate number affected (${due})`, timing: { kind: "words" } },
  ag("N.Y. Gen. Bus. Law 899-aa(9)", "Attorney General (HIPAA covered entity): within 5 business days of notifying the Secretary of HHS (no due instant until the HHS notice is recorded as sent)", {
    timing: { kind: "businessDaysAfterSent", dependsOn: "HIPAA:hhs", days: 5 }, keySuffix: "hipaa", onlyWhen: hipaaBreachAsCoveredEntity,
  }),
];
const NY_BASE = { state: "US-NY", family: "us-ny-899-aa", trigger: "discovery", encryptionSafeHarbor: `N.Y. Gen. Bus. Law 899-aa(1)(b): ${ENC}` } as const;
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

const WA: StateSpec = {
  state: "US-WA", family: "us-wa-19.255.010", validFrom: "2020-03-01", trigger: "discovery",
  encryptionSafeHarbor: `RCW 19.255.005, 19.255.010: ${ENC}`,
  residents: { days: 30, citation: "RCW 19.255.010", words: "in the most expedient time possible, without unreasonable delay, and no more than 30 calendar days after the breach was discovered" },
  regulators: [ag("RCW 19.255.010", "Attorney General: no more than 30 days after the breach was discovered", { threshold: { moreThan: 500 }, timing: { kind: "days", days: 30 } })],
};

const CO: StateSpec = {
  state: "US-CO", family: "us-co-6-1-716", validFrom: "2018-09-01", trigger: "determination",
  encryptionSafeHarbor: `C.R.S. 6-1-716(1): ${ENC}`,
  residents: { days: 30, citation: "C.R.S. 6-1-716(2)", words: "in the most expedient time possible and without unreasonable delay, not later than 30 days after the determination that a security breach occurred" },
  regulators: [ag("C.R.S. 6-1-716(2)", "Attorney General: not later than 30 days after the determination that a security breach occurred", { threshold: { atLeast: 500 }, timing: { kind: "days", days: 30 } })],
};

const CT: StateSpec = {
  state: "US-CT", family: "us-ct-36a-701b", validFrom: "2021-10-01", trigger: "discovery",
  encryptionSafeHarbor: `Conn. Gen. Stat. 36a-701b: ${ENC}`,
  residents: { days: 60, citation: "Conn. Gen. Stat. 36a-701b(b)", words: "without unreasonable delay but not later than 60 days after discovery of the breach" },
  regulators: [ag("Conn. Gen. Stat. 36a-701b(b)", "Attorney General: not later than the time notice is provided to residents (the resident deadline, or the sending of the resident notice if earlier)", { timing: { kind: "noLaterThanResidents" } })],
};

const ME: StateSpec = {
  state: "US-ME", family: "us-me-1348", validFrom: "2019-09-19", trigger: "awareness",
  encryptionSafeHarbor: `10 M.R.S. 1347: ${ENC}`,
  businessDaysAfterDelay: 7,
  residents: { days: 30, citation: "10 M.R.S. 1348(1)", words: "as expediently as possible and without unreasonable delay, not more than 30 days after becoming aware of the breach and identifying its scope" },
  regulators: [ag("10 M.R.S. 1348(5)", "Attorney General, or the state regulator of a regulated person: when resident notice is required (no separate period)", { timing: { kind: "words" } })],
};

const VT: StateSpec = {
  state: "US-VT", family: "us-vt-2435", validFrom: "2020-07-01", trigger: "discovery",
  encryptionSafeHarbor: `9 V.S.A. 2430: ${ENC}`,
  residents: { days: 45, citation: "9 V.S.A. 2435(b)(1)", words: "in the most expedient time possible and without unreasonable delay, not later than 45 days after discovery or notification" },
  regulators: [ag("9 V.S.A. 2435(b)(3)", "Attorney General (or Department of Financial Regulation for its licensees): preliminary notice within 14 business days of discovery, or when consumers are notified if sooner (weekends skipped, holidays not)",
    { timing: { kind: "businessDays", days: 14, orWhenResidentsNotified: true } })],
};

const MD: StateSpec = {
  state: "US-MD", family: "us-md-14-3504", validFrom: "2022-10-01", trigger: "discovery",
  encryptionSafeHarbor: `Md. Code, Com. Law 14-3501: ${ENC}`,
  residents: { days: 45, citation: "Md. Code, Com. Law 14-3504(c)", words: "as soon as reasonably practicable, but not later than 45 days after discovering or being notified of the breach" },
  regulators: [ag("Md. Code, Com. Law 14-3504(h)", "Attorney General: before notifying individuals (the resident deadline, or the sending of the resident notice if earlier)", { timing: { kind: "noLaterThanResidents" } })],
};

const AZ: StateSpec = {
  state: "US-AZ", family: "us-az-18-552", validFrom: "2018-08-03", trigger: "determination",
  encryptionSafeHarbor: `A.R.S. 18-551: ${ENC}`,
  hipaaEntitiesExempt: "A.R.S. 18-552: HIPAA covered entities and business associates complying with HIPAA are deemed compliant",
  residents: { days: 45, citation: "A.R.S. 18-552(B)", words: "within 45 days after determining that a breach occurred" },
  regulators: [
    ag("A.R.S. 18-552(B)", "Attorney General: within 45 days after determining that a breach occurred", { threshold: { moreThan: 1000 }, timing: { kind: "days", days: 45 } }),
    { recipient: "state_regulator", citation: "A.R.S. 18-552(B)", words: "Arizona Department of Homeland Security: within 45 days after determining that a breach occurred", threshold: { moreThan: 1000 }, timing: { kind: "days", days: 45 } },
  ],
};

const OH: StateSpec = {
  state: "US-OH", family: "us-oh-1349.19", validFrom: "2006-02-17", trigger: "discovery",
  encryptionSafeHarbor: `Ohio Rev. Code 1349.19(A): ${ENC}`,
  residents: { days: 45, citation: "Ohio Rev. Code 1349.19(B)", words: "in the most expedient time possible but not later than 45 days following discovery or notification of the breach" },
  regulators: [],
};

const OK: StateSpec = {
  state: "US-OK", family: "us-ok-sb626", validFrom: "2026-01-01", trigger: "discovery",
  encryptionSafeHarbor: `24 O.S. 162: ${ENC}`,
  residents: { days: null, citation: "24 O.S. 163 (as amended by SB 626, 2025)", words: "without unreasonable delay" },
  regulators: [ag("24 O.S. 163 (as amended by SB 626, 2025)", "Attorney General: within 60 days after notifying residents (no due instant until the resident notice is recorded as sent)",
    { threshold: { atLeast: 500 }, timing: { kind: "afterResidentsSent", days: 60 } })],
};

const IL: StateSpec = {
  state: "US-IL", family: "us-il-530-10", validFrom: "2020-01-01", trigger: "discovery",
  encryptionSafeHarbor: `815 ILCS 530/5, 530/10: ${ENC}`,
  residents: { days: null, citation: "815 ILCS 530/10(a)", words: "in the most expedient time possible and without unreasonable delay" },
  regulators: [ag("815 ILCS 530/10(e)", "Attorney General: in the most expedient time possible, not later than when residents are notified", { threshold: { moreThan: 500 }, timing: { kind: "noLaterThanResidents" } })],
};

const PA: StateSpec = {
  state: "US-PA", family: "us-pa-2303", validFrom: "2024-09-26", trigger: "discovery",
  encryptionSafeHarbor: `73 P.S. 2302: ${ENC}`,
  residents: { days: null, citation: "73 P.S. 2303(a)", words: "without unreasonable delay" },
  regulators: [ag("73 P.S. 2303", "Attorney General: concurrently with the resident notice", { threshold: { moreThan: 500 }, timing: { kind: "noLaterThanResidents" } })],
};

// "Without unreasonable delay" states: no fixed period; validFrom is a lower bound (see header).
function noFixedPeriod(state: `US-${string}`, family: string, citation: string, words: string, encCitation: string, regulators: RegulatorSpec[] = []): StateSpec {
  return {
    state, family, validFrom: "2008-07-01", trigger: "discovery",
    encryptionSafeHarbor: `${encCitation}: ${ENC}`,
    residents: { days: null, citation, words },
    regulators,
  };
}

const GA = noFixedPeriod("US-GA", "us-ga-10-1-912", "O.C.G.A. 10-1-912(a)", "in the most expedient time possible and without unreasonable delay", "O.C.G.A. 10-1-911");
// North Carolina AG notice for any breach is unverified: left out (MISSING_RULES).
const NC = noFixedPeriod("US-NC", "us-nc-75-65", "N.C. Gen. Stat. 75-65(a)", "without unreasonable delay", "N.C. Gen. Stat. 75-61");
const MI = noFixedPeriod("US-MI", "us-mi-445.72", "MCL 445.72(1)", "without unreasonable delay", "MCL 445.63, 445.72");
const MA = noFixedPeriod("US-MA", "us-ma-93h-3", "M.G.L. c. 93H, 3(b)", "as soon as practicable and without unreasonable delay", "M.G.L. c. 93H, 1", [
  ag("M.G.L. c. 93H, 3(b)", "Attorney General: as soon as practicable and without unreasonable delay", { timing: { kind: "words" } }),
  { recipient: "state_regulator", citation: "M.G.L. c. 93H, 3(b)", words: "Director of the Office of Consumer Affairs and Business Regulation: as soon as practicable and without unreasonable delay", timing: { kind: "words" } },
]);
const VA = noFixedPeriod("US-VA", "us-va-18.2-186.6", "Va. Code 18.2-186.6(B)", "without unreasonable delay", "Va. Code 18.2-186.6(A)", [
  ag("Va. Code 18.2-186.6(B)", "Attorney General: without unreasonable delay", { timing: { kind: "words" } }),
]);

export const US_STATE_SPECS: readonly StateSpec[] = [AZ, CO, CT, FL, GA, IL, MA, MD, ME, MI, NC, NY_2019, NY_2024, OH, OK, PA, TX, VA, VT, WA];

export const US_STATE_RULES = US_STATE_SPECS.map(defineStateRule);
