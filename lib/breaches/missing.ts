// Rules deliberately NOT encoded: not confirmed against the statute or its official sources, or needing
// facts an incident does not record. Shown to officers so an absence is never read as "no duty".

export interface MissingRule {
  readonly regime: string;
  readonly rule: string;
  readonly reason: string;
}

export const MISSING_RULES: readonly MissingRule[] = [
  { regime: "HIPAA", rule: "45 CFR 164.412: whether the 60-day clock is tolled by a law-enforcement delay", reason: "Unconfirmed; a setting (hipaaLawEnforcementPolicy), default later_of (the later of discovery + 60 days and the end of the delay)." },
  { regime: "US-CA", rule: "Civ. Code 1798.82(e): HIPAA covered entities deemed compliant (content only)", reason: "Post-SB 446 wording unconfirmed; the 30-day timeline is applied to covered entities too, content checklist unchanged." },
  { regime: "US-CA", rule: "Civ. Code 1798.82 before 2016-01-01 and 1798.29 (state agencies)", reason: "Earlier wording and the agency statute are not encoded; incidents discovered before 2016 get no California row." },
  { regime: "US-FL", rule: "Fla. Stat. 501.171(4)(a): 15 additional days for good cause", reason: "Scope unconfirmed; the 30-day deadline is shown without the extension." },
  { regime: "US-NC", rule: "N.C. Gen. Stat. 75-65(e1): notice to the Consumer Protection Division of the Attorney General", reason: "Encoded (any breach requiring resident notice, no fixed period) but its content and timing were not checked against the statute text: confirmed: false." },
  { regime: "US-NY", rule: "GBL 899-aa as amended 2024: notice to the Department of Financial Services (NYDFS regime); HIPAA-notice exemption for resident notices", reason: "DFS notice belongs to the NYDFS regime; the resident notice is shown even for HIPAA entities." },
  { regime: "US-*", rule: "Deemed compliance for HIPAA or GLBA-regulated entities (except Arizona); notice to state regulators of regulated entities (insurance, banking)", reason: "Not encoded; obligations are shown conservatively without these exemptions or extra recipients." },
  { regime: "US-*", rule: "Details of AL, AK, AR, DE, DC, HI, ID, IN, IA, KS, KY, LA, MN, MS, MO, MT, NE, NV, NH, NJ, NM, ND, OR, RI, SC, SD, TN, UT, WV, WI, WY, PR, GU, VI", reason: "Encoded from knowledge of the statutes, not checked against their text here (confirmed: false in docs/breach-rules.md); deadlines, thresholds and citations should be reviewed by counsel." },
  { regime: "US-*", rule: "Definitions of personal information, credit-bureau notices, vendor-to-owner duties and substitute-notice thresholds in every state", reason: "Encoded from knowledge of the statutes (credit-bureau and vendor rows are confirmed: false except California's vendor duty); elements outside the closed list (e.g. digital signatures, employee ID with code, license-plate data) are not modelled; statutes that cover elements without a name when they enable identity theft (e.g. Me., Ga., Or.) are encoded as name-based only." },
  { regime: "US-*", rule: "Risk-of-harm exceptions: the documentation, the written determination to the Attorney General some states require (Fla., Alaska, S.D., Vt.)", reason: "The exception removes the rows when the incident records stateHarmNotLikely; the follow-up filing of the determination is not a row yet." },
  { regime: "US-*", rule: "Substitute notice", reason: "Thresholds are stated in docs/breach-rules.md; the engine does not choose the notice method." },
  { regime: "US-*", rule: "Per-state law-enforcement delay detail (written request, how soon after)", reason: "Unconfirmed per state; a setting (stateLawEnforcementPolicy), default later_of: the later of the deadline and the end of the delay (Maine: + 7 business days)." },
  { regime: "US-*", rule: "Public holidays in business-day counts (Vermont 14, New York 5, Maine 7)", reason: "Which holidays count is unconfirmed; only weekends are skipped, giving the earlier date." },
  { regime: "US-*", rule: "Earlier versions of the encoded statutes; state agencies (public bodies)", reason: "Not encoded; incidents before an encoded version's validFrom get no row for that state." },
  { regime: "GDPR", rule: "Art. 34(3)(b)-(c) exemptions (later measures; disproportionate effort -> public communication)", reason: "Need facts the incident does not record; data-subject rows stay for the officer to close. (The Art. 56 lead authority comes from the organisation profile's main establishment.)" },
  { regime: "GDPR", rule: "Digital Omnibus: high-risk threshold and 96 hours for authority notice", reason: "Pending proposal, not law (late 2026)." },
  { regime: "UK-GDPR", rule: "UK incidents discovered before 2021-01-01 (EU GDPR applied)", reason: "Not mapped; the UK GDPR rule starts at the end of the transition period." },
  { regime: "EU-AI-ACT", rule: "Digital Omnibus postponement of Annex III duties to 2027-12-02; the authority per Member State", reason: "Art. 73 applies to incidents discovered from 2 August 2026 (Art. 113); the postponement is not law yet. One authority row naming the Member States, no per-state split." },
];
