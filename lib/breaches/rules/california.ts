// California Civil Code 1798.82 (businesses and persons; agencies are under 1798.29).
//
// Two versions, so incidents are judged by the law in force at discovery:
// - from 2016-01-01 (SB 570: "Notice of Data Breach" title and headings): residents "in the most
//   expedient time possible and without unreasonable delay"; AG sample copy for > 500 residents
//   with no period;
// - from 2026-01-01 (SB 446, Stats. 2025 ch. 319): residents within 30 calendar days of discovery
//   or notification; AG sample copy within 15 calendar days of notifying consumers.
// Not encoded (see MISSING_RULES): 1798.82(e) HIPAA covered entities are deemed compliant with the
// content rules only (post-SB 446 wording unconfirmed), so the timeline is applied to them too.
import type { StateSpec } from "./state-engine";
import { defineStateRule } from "./state-engine";
import { CORE, CREDENTIALS, GOV_IDS, HEALTH } from "./pi-definition";

/** 1798.82(d)(1): title and headings of the resident notice. */
export const CA_NOTICE_CHECKLIST: readonly string[] = [
  'Titled "Notice of Data Breach" (Civ. Code 1798.82(d)(1))',
  'Heading "What Happened" (1798.82(d)(1))',
  'Heading "What Information Was Involved" (1798.82(d)(1))',
  'Heading "What We Are Doing" (1798.82(d)(1))',
  'Heading "What You Can Do" (1798.82(d)(1))',
  'Heading "For More Information" (1798.82(d)(1))',
];

export const CA_AG_CHECKLIST: readonly string[] = [
  "A single sample copy of the consumer notice, excluding any personally identifiable information, submitted electronically (1798.82(f))",
];

const common = {
  state: "US-CA",
  family: "us-ca-1798.82",
  trigger: "discovery",
  encryptionSafeHarbor: "Cal. Civ. Code 1798.82(a): unencrypted data, or encrypted data whose key or credential was also acquired",
  // 1798.82(h)(1): first name or initial and last name with an SSN, ID number, account or card
  // number with its code, medical or health insurance information, biometric or genetic data;
  // (h)(2): a user name or e-mail address with a password or security question alone. A name
  // with an e-mail address is not personal information.
  definition: {
    citation: "Cal. Civ. Code 1798.82(h)",
    withName: [...CORE, ...GOV_IDS, ...HEALTH, "biometric", "genetic"],
    alone: CREDENTIALS,
  },
  substitute: "Cal. Civ. Code 1798.82(j)(3): cost over $250,000 or more than 500,000 persons",
  maintainer: {
    words: "Owner or licensee of the data: immediately following discovery, if personal information was or is reasonably believed to have been acquired by an unauthorized person",
    citation: "Cal. Civ. Code 1798.82(b)",
    confirmed: true,
  },
} as const;

const BEFORE_SB_446: StateSpec = {
  ...common,
  validFrom: "2016-01-01",
  residents: {
    days: null,
    words: "in the most expedient time possible and without unreasonable delay (no fixed period before SB 446)",
    citation: "Cal. Civ. Code 1798.82(a)",
    checklist: CA_NOTICE_CHECKLIST,
  },
  regulators: [
    {
      recipient: "attorney_general",
      threshold: { moreThan: 500 },
      timing: { kind: "words" },
      words: "Attorney General: electronically submit a sample copy of the consumer notice (no period set before SB 446)",
      citation: "Cal. Civ. Code 1798.82(f)",
      checklist: CA_AG_CHECKLIST,
    },
  ],
};

const SB_446: StateSpec = {
  ...common,
  validFrom: "2026-01-01",
  residents: {
    days: 30,
    words: "in the most expedient time possible and without unreasonable delay, and within 30 calendar days of discovery or notification of the breach",
    citation: "Cal. Civ. Code 1798.82(a) (as amended by SB 446, Stats. 2025 ch. 319)",
    checklist: CA_NOTICE_CHECKLIST,
  },
  regulators: [
    {
      recipient: "attorney_general",
      // "more than 500 California residents": exactly 500 does not trigger it.
      threshold: { moreThan: 500 },
      timing: { kind: "afterResidentsSent", days: 15 },
      words: "Attorney General: sample copy within 15 calendar days of notifying consumers (date the consumer notice is sent is day 0; no due instant until it is recorded as sent)",
      citation: "Cal. Civ. Code 1798.82(f) (as amended by SB 446, Stats. 2025 ch. 319)",
      checklist: CA_AG_CHECKLIST,
    },
  ],
};

export const CALIFORNIA_RULES = [defineStateRule(BEFORE_SB_446), defineStateRule(SB_446)];
