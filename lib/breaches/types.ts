// Types of the breach deadline engine: the incident it reads and the obligations it derives.
// Pure data; see compute-obligations.ts for the engine and rules/ for the law.
import type { OrganisationFacts } from "./organisation";

export const ROLES = [
  "controller",
  "processor",
  "covered_entity",
  "business_associate",
  "ai_provider",
  "ai_deployer",
] as const;
export type Role = (typeof ROLES)[number];

export const RISK_LEVELS = ["unlikely", "risk", "high"] as const;
/** GDPR Art. 33(1)/34(1) risk to the rights and freedoms of natural persons. */
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const AI_INCIDENT_KINDS = ["death", "critical_infrastructure", "widespread_infringement", "other"] as const;
/** EU AI Act Art. 73(3)-(5) kinds that shorten the 15-day period. */
export type AiIncidentKind = (typeof AI_INCIDENT_KINDS)[number];

/**
 * The closed list of data elements the US state definitions of "personal information" are
 * written in. `*_with_code` means the number together with the security code, access code or
 * password that permits access; credentials are a user name or e-mail address with its password
 * (or security question and answer).
 */
export const DATA_ELEMENTS = [
  "name",
  "ssn",
  "drivers_license",
  "state_id",
  "passport",
  "military_id",
  "tax_id",
  "financial_account",
  "financial_account_with_code",
  "payment_card",
  "payment_card_with_code",
  "medical",
  "health_insurance",
  "biometric",
  "genetic",
  "username_with_password",
  "email_with_password",
  "date_of_birth",
  "mothers_maiden_name",
  "precise_geolocation",
  "email",
  "phone",
  "address",
] as const;
export type DataElement = (typeof DATA_ELEMENTS)[number];

export interface AffectedCount {
  /** ISO 3166: a country (`DE`, `GB`) or a US state as ISO 3166-2 (`US-CA`). */
  readonly jurisdiction: string;
  readonly count: number;
}

export interface LawEnforcementDelay {
  /** ISO instant or date the official asked to delay until (the delay ends with that local day). */
  readonly until: string;
  /** 45 CFR 164.412(a) written statement vs (b) oral statement (oral: at most 30 days). */
  readonly written: boolean;
  /**
   * When the statement (the request to delay) was made; for an oral HIPAA statement the 30 days
   * run from it. US state rules: a request made after a deadline has passed does not extend it.
   */
  readonly statedAt?: string;
}

export interface Incident {
  /**
   * ISO instant the organisation discovered / became aware of / determined the breach. The
   * product records one instant for all three trigger kinds; each obligation names which one
   * its statute uses (`trigger`).
   */
  readonly discoveredAt: string;
  readonly occurredAt?: string;
  /** Empty means "the organisation owns the data": controller, plus covered_entity when phi. */
  readonly roles: readonly Role[];
  readonly phi: boolean;
  /** Data unreadable to whoever got it (e.g. encrypted) and the keys were not compromised. */
  readonly encrypted: boolean;
  /**
   * The data was encrypted but the key or credential was (reasonably believed) acquired too.
   * Only read with `encrypted`: most state statutes then treat the data as unencrypted.
   */
  readonly encryptionKeyCompromised?: boolean;
  /** Which data elements were involved; undefined = not given (rules that need them say so). */
  readonly dataElements?: readonly DataElement[];
  /**
   * A documented investigation concluded misuse / harm is not reasonably likely (the US state
   * risk-of-harm exceptions). Only states whose statute has such an exception read it.
   */
  readonly stateHarmNotLikely?: boolean;
  readonly riskLevel: RiskLevel;
  /** Documented 45 CFR 164.402(2) four-factor assessment concluded low probability of compromise. */
  readonly hipaaLowProbabilityOfCompromise: boolean;
  readonly affected: readonly AffectedCount[];
  readonly aiSeriousIncident?: { readonly kind: AiIncidentKind };
  readonly lawEnforcementDelay?: LawEnforcementDelay;
  // Sector-regime facts (lib/breaches/rules/sector-*.ts); all optional, see docs/decisions/330.
  /** SEC Form 8-K Item 1.05: when the registrant determined the incident material (ISO instant). */
  readonly materialityDeterminedAt?: string;
  /** Item 1.05(c): the Attorney General asked to delay disclosure until this date or instant. */
  readonly secDelayUntil?: string;
  /** DORA Art. 18/19: when the incident was classified as major (ISO instant). */
  readonly doraMajorClassifiedAt?: string;
  /** NIS2 Art. 23(3): false when the entity assessed the incident as not significant. */
  readonly nis2Significant?: boolean;
  /** EU AI Act Art. 73: Member State(s) where the serious incident occurred (ISO codes). */
  readonly aiMemberStates?: readonly string[];
}

/**
 * 45 CFR 164.412 does not say (unconfirmed) whether the 60-day clock is
 * tolled during a law-enforcement delay or the notice falls due when the delay ends:
 * - `later_of` (default, conservative): the later of discovery + 60 days and the end of the delay;
 * - `tolled`: the clock stops for the delay and the unused days run after it.
 */
export type HipaaLawEnforcementPolicy = "later_of" | "tolled";

/**
 * US state statutes let notice be delayed at law enforcement's request and then require it
 * promptly; the detail differs by state and is not confirmed per state. `later_of` (default):
 * a fixed state deadline is the later of the statutory deadline and the end of the delay (Maine:
 * 7 business days after it). `ignore`: statutory deadline only.
 */
export type StateLawEnforcementPolicy = "later_of" | "ignore";

export interface ComputeOptions {
  /** IANA zone of the organisation; day counts use local dates there. Default "UTC". */
  readonly timeZone?: string;
  readonly hipaaLawEnforcementPolicy?: HipaaLawEnforcementPolicy;
  readonly stateLawEnforcementPolicy?: StateLawEnforcementPolicy;
  /**
   * When already-sent obligations were sent, by obligation key (ISO instants). Deadlines that
   * run from another notice (e.g. California AG: 15 days after the consumer notice) use these.
   */
  readonly sentAt?: Readonly<Record<string, string>>;
  /** The organisation's profile (lib/breaches/organisation.ts); absent = no sector facts. */
  readonly organisation?: OrganisationFacts;
}

export type Regime =
  | "GDPR"
  | "UK-GDPR"
  | "HIPAA"
  | "EU-AI-ACT"
  | "SEC-8K"
  | "NIS2"
  | "DORA"
  | "NYDFS"
  | "FTC-SAFEGUARDS"
  | "FTC-HBNR"
  | `US-${string}`;

export const RECIPIENTS = [
  "supervisory_authority",
  "data_subjects",
  "controller",
  "individuals",
  "media",
  "hhs",
  "covered_entity",
  "attorney_general",
  "market_surveillance_authority",
  "provider",
  "register",
  // Added for US states: a state agency other than the AG (N.Y. Department of State,
  // Ariz. Department of Homeland Security, Mass. Office of Consumer Affairs), N.Y. State Police,
  // and the owner/licensee a data maintainer must tell (Cal. Civ. Code 1798.82(b)).
  "state_regulator",
  "state_police",
  "data_owner",
  // Nationwide consumer reporting agencies (15 U.S.C. 1681a(p)), e.g. Tex. 521.053(h).
  "credit_bureaus",
  // Sector regimes (docs/decisions/330): the SEC (Form 8-K), a NIS2 CSIRT, a DORA or NIS2
  // competent authority, the FTC (Safeguards Rule, HBNR) and the California Department of Public
  // Health (Health & Safety Code 1280.15) are named explicitly rather than as "state_regulator".
  "sec",
  "csirt",
  "competent_authority",
  "ftc",
  "cdph",
] as const;
export type Recipient = (typeof RECIPIENTS)[number];

export type Trigger = "awareness" | "discovery" | "determination";

export interface Obligation {
  /** Stable id: `REGIME:recipient[:jurisdiction]`, e.g. `GDPR:supervisory_authority:DE`. */
  readonly key: string;
  readonly regime: Regime;
  readonly recipient: Recipient;
  readonly jurisdiction?: string;
  /** ISO instant, or null when the law sets no fixed time (e.g. "without undue delay"). */
  readonly dueAt: string | null;
  /** The deadline in words, including how dueAt was counted. */
  readonly dueRule: string;
  readonly citation: string;
  /** Key of the obligation whose sending starts (or bounds) this one's clock. */
  readonly dependsOn?: string;
  /** Catalogue version that produced this row, e.g. `us-ca-1798.82@2026-01-01`. */
  readonly ruleVersion: string;
  /** What the notice must contain, where the law says so (empty where it does not). */
  readonly contentChecklist: string[];
  readonly trigger: Trigger;
  /** Facts the rule needed but the incident lacks, e.g. ["dataElements"]: the row is provisional. */
  readonly needs?: readonly string[];
}
