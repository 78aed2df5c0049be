// Rows of docs/breach-rules.md for the GDPR, the UK GDPR and HIPAA: what gdpr.ts and hipaa.ts
// encode, in words a lawyer can check against the texts.
import type { RuleDescription } from "./describe";

function gdprRows(regime: "GDPR" | "UK-GDPR", jurisdiction: string, authority: string, versionDate: string, law: string): RuleDescription[] {
  const common = { regime, jurisdiction, versionDate, confirmed: true, trigger: "awareness" } as const;
  return [
    {
      ...common,
      recipient: "supervisory_authority",
      deadline: "without undue delay and, where feasible, not later than 72 hours after becoming aware; reasons for any delay",
      threshold: regime === "GDPR" ? `any personal data breach; ${authority}: with a main establishment in the EEA, the lead authority (Art. 56(1)) with the other concerned authorities named; otherwise one row per affected EEA country` : `any personal data breach; ${authority}`,
      exceptions: "unlikely to result in a risk to the rights and freedoms of natural persons (riskLevel unlikely)",
      citation: `${law} Art. 33(1), 33(3)${regime === "GDPR" ? ", 56(1)" : ""}`,
    },
    {
      ...common,
      recipient: "data_subjects",
      deadline: "without undue delay",
      threshold: "likely to result in a high risk to the rights and freedoms of natural persons (riskLevel high)",
      exceptions: "data unintelligible to any unauthorised person, e.g. encrypted with uncompromised keys (Art. 34(3)(a)); Art. 34(3)(b)-(c) not encoded",
      citation: `${law} Art. 34(1), 34(3)`,
    },
    {
      ...common,
      recipient: "controller",
      deadline: "without undue delay after becoming aware",
      threshold: "the organisation acts as processor",
      exceptions: "",
      citation: `${law} Art. 33(2)`,
    },
  ];
}

export const GDPR_DESCRIPTION = () => gdprRows("GDPR", "EU/EEA", "supervisory authority", "2018-05-25", "GDPR");
export const UK_GDPR_DESCRIPTION = () => gdprRows("UK-GDPR", "United Kingdom", "Information Commissioner (ICO)", "2021-01-01", "UK GDPR");

const HIPAA = { regime: "HIPAA", jurisdiction: "United States (covered entities and business associates)", versionDate: "2013-09-23", confirmed: true, trigger: "discovery" } as const;
const HIPAA_EXCEPTIONS = "unsecured PHI only (secured = encrypted per HHS guidance); low probability of compromise after the four-factor assessment (164.402(2)); law-enforcement delay (164.412)";

export const HIPAA_DESCRIPTION = (): RuleDescription[] => [
  { ...HIPAA, recipient: "individuals", deadline: "without unreasonable delay and in no case later than 60 calendar days after discovery", threshold: "any breach of unsecured PHI", exceptions: HIPAA_EXCEPTIONS, citation: "45 CFR 164.404(b)" },
  { ...HIPAA, recipient: "media", deadline: "without unreasonable delay, at most 60 calendar days after discovery", threshold: "more than 500 residents of a State or jurisdiction (States include DC, Puerto Rico, Guam, USVI, American Samoa, CNMI: 160.103)", exceptions: HIPAA_EXCEPTIONS, citation: "45 CFR 164.406" },
  { ...HIPAA, recipient: "hhs", deadline: "500 or more individuals: contemporaneously with the individual notices (at most 60 days); fewer: within 60 days after the end of the calendar year of discovery", threshold: "500 or more individuals in total, or fewer (annual log)", exceptions: HIPAA_EXCEPTIONS, citation: "45 CFR 164.408(b), (c)" },
  { ...HIPAA, recipient: "covered_entity", deadline: "without unreasonable delay and in no case later than 60 calendar days after discovery", threshold: "the organisation acts as business associate", exceptions: HIPAA_EXCEPTIONS, citation: "45 CFR 164.410" },
];
