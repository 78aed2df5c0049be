// The managed vocabularies of the data inventory. Stored values are these codes (as
// strings, validated by zod); labels are for people. Citations say where a category
// comes from, because the breach engine and the findings treat them differently.

export type DataCategory = {
  code: string;
  label: string;
  /** GDPR Art. 9(1) special category (or Art. 10 criminal-offence data, which needs its own basis). */
  special: boolean;
  /** A US category that breach-notification statutes name (HIPAA PHI, SSN, account numbers...). */
  us: boolean;
  citation?: string;
};

export const DATA_CATEGORIES: readonly DataCategory[] = [
  { code: "identity", label: "Identity (name, date of birth)", special: false, us: false },
  { code: "contact", label: "Contact details (email, phone, address)", special: false, us: false },
  { code: "online_identifiers", label: "Online identifiers (IP, cookie, device ids)", special: false, us: false },
  { code: "employment", label: "Employment and HR records", special: false, us: false },
  { code: "financial", label: "Financial (income, transactions)", special: false, us: false },
  { code: "location", label: "Location data", special: false, us: false },
  { code: "behavioural", label: "Behavioural and usage data", special: false, us: false },
  { code: "children", label: "Children's data", special: false, us: false, citation: "GDPR Art. 8" },
  { code: "racial_ethnic_origin", label: "Racial or ethnic origin", special: true, us: false, citation: "GDPR Art. 9(1)" },
  { code: "political_opinions", label: "Political opinions", special: true, us: false, citation: "GDPR Art. 9(1)" },
  { code: "religious_beliefs", label: "Religious or philosophical beliefs", special: true, us: false, citation: "GDPR Art. 9(1)" },
  { code: "trade_union", label: "Trade-union membership", special: true, us: false, citation: "GDPR Art. 9(1)" },
  { code: "genetic", label: "Genetic data", special: true, us: false, citation: "GDPR Art. 9(1)" },
  { code: "biometric", label: "Biometric data (for unique identification)", special: true, us: true, citation: "GDPR Art. 9(1); US state breach laws" },
  { code: "health", label: "Health data", special: true, us: false, citation: "GDPR Art. 9(1)" },
  { code: "sex_life", label: "Sex life or sexual orientation", special: true, us: false, citation: "GDPR Art. 9(1)" },
  { code: "criminal", label: "Criminal convictions and offences", special: true, us: false, citation: "GDPR Art. 10" },
  { code: "phi", label: "Protected health information (PHI)", special: true, us: true, citation: "HIPAA 45 CFR 160.103" },
  { code: "ssn", label: "Social Security number", special: false, us: true, citation: "US state breach laws" },
  { code: "government_id", label: "Driver's licence / government ID number", special: false, us: true, citation: "US state breach laws" },
  { code: "financial_account", label: "Financial account or card number (with access code)", special: false, us: true, citation: "US state breach laws" },
  { code: "credentials", label: "Account credentials (username + password/security answer)", special: false, us: true, citation: "Cal. Civ. Code 1798.82(h)(2)" },
];

export const DATA_CATEGORY_CODES = DATA_CATEGORIES.map((c) => c.code) as [string, ...string[]];
const BY_CODE = new Map(DATA_CATEGORIES.map((c) => [c.code, c]));

export function dataCategoryLabel(code: string): string {
  return BY_CODE.get(code)?.label ?? code;
}
export function isSpecialCategory(code: string): boolean {
  return BY_CODE.get(code)?.special ?? false;
}

export const SUBJECT_CATEGORIES = [
  ["customers", "Customers"],
  ["prospects", "Prospects"],
  ["employees", "Employees"],
  ["job_applicants", "Job applicants"],
  ["contractors", "Contractors"],
  ["patients", "Patients"],
  ["children", "Children"],
  ["website_visitors", "Website visitors"],
  ["suppliers", "Supplier contacts"],
  ["members", "Members"],
] as const;
export const SUBJECT_CATEGORY_CODES = SUBJECT_CATEGORIES.map(([c]) => c) as unknown as [string, ...string[]];

export const HOSTING = [
  ["on_premises", "On-premises"],
  ["cloud", "Cloud provider"],
  ["saas", "SaaS vendor"],
] as const;

export const VOLUME_BANDS = [
  ["lt_1k", "Under 1,000 subjects"],
  ["1k_100k", "1,000 – 100,000"],
  ["100k_1m", "100,000 – 1 million"],
  ["gt_1m", "Over 1 million"],
] as const;

// The values the breach engine reads to decide whether leaked data was unintelligible
// (GDPR Art. 34(3)(a); HIPAA "unsecured PHI", 45 CFR 164.402; Cal. Civ. Code 1798.82).
export const ENCRYPTION_AT_REST = [
  ["none", "None"],
  ["provider_managed", "Provider-managed keys"],
  ["customer_managed", "Customer-managed keys"],
] as const;

export const ENCRYPTION_IN_TRANSIT = [
  ["none", "None"],
  ["tls12_plus", "TLS 1.2+"],
  ["mtls", "Mutual TLS"],
] as const;

export const ACCESS_CONTROL_MODELS = [
  ["none", "None"],
  ["shared_accounts", "Shared accounts"],
  ["individual_accounts", "Individual accounts"],
  ["rbac", "Role-based (RBAC)"],
  ["abac", "Attribute-based (ABAC)"],
] as const;

export const BACKUP_POLICIES = [
  ["none", "None"],
  ["unencrypted", "Backed up, unencrypted"],
  ["encrypted", "Backed up, encrypted"],
  ["encrypted_offsite", "Encrypted, off-site / immutable"],
] as const;

export const DELETION_METHODS = [
  ["none", "Not defined"],
  ["manual", "Manual deletion"],
  ["automated", "Automated deletion job"],
  ["anonymisation", "Anonymisation"],
  ["crypto_shredding", "Crypto-shredding"],
] as const;

/** GDPR Art. 6(1)(a)-(f). */
export const LAWFUL_BASES = [
  ["consent", "Art. 6(1)(a) consent"],
  ["contract", "Art. 6(1)(b) contract"],
  ["legal_obligation", "Art. 6(1)(c) legal obligation"],
  ["vital_interests", "Art. 6(1)(d) vital interests"],
  ["public_task", "Art. 6(1)(e) public task"],
  ["legitimate_interests", "Art. 6(1)(f) legitimate interests"],
] as const;

/** GDPR Art. 9(2)(a)-(j). */
export const ART9_CONDITIONS = [
  ["explicit_consent", "Art. 9(2)(a) explicit consent"],
  ["employment_social_security", "Art. 9(2)(b) employment and social security law"],
  ["vital_interests", "Art. 9(2)(c) vital interests"],
  ["not_for_profit", "Art. 9(2)(d) not-for-profit body"],
  ["made_public", "Art. 9(2)(e) made manifestly public"],
  ["legal_claims", "Art. 9(2)(f) legal claims"],
  ["substantial_public_interest", "Art. 9(2)(g) substantial public interest"],
  ["health_care", "Art. 9(2)(h) health or social care"],
  ["public_health", "Art. 9(2)(i) public health"],
  ["archiving_research", "Art. 9(2)(j) archiving, research, statistics"],
] as const;

/** Chapter V safeguards for a transfer to a third country. */
export const TRANSFER_SAFEGUARDS = [
  ["none", "None identified"],
  ["adequacy", "Adequacy decision (Art. 45)"],
  ["scc", "Standard contractual clauses (Art. 46(2)(c))"],
  ["bcr", "Binding corporate rules (Art. 47)"],
  ["derogation", "Derogation (Art. 49)"],
] as const;

export const RECIPIENT_KINDS = [
  ["internal", "Internal"],
  ["external", "External (controller)"],
  ["processor", "Processor"],
] as const;

export const ACTIVITY_ROLES = [
  ["controller", "Controller (Art. 30(1))"],
  ["processor", "Processor (Art. 30(2))"],
] as const;

export const DPIA_STATUSES = [
  ["not_started", "Not started"],
  ["in_progress", "In progress"],
  ["completed", "Completed"],
] as const;

type Pairs = readonly (readonly [string, string])[];
export function codes<T extends Pairs>(pairs: T): [T[number][0], ...T[number][0][]] {
  return pairs.map(([c]) => c) as unknown as [T[number][0], ...T[number][0][]];
}
export function labelOf(pairs: Pairs, code: string | null | undefined): string {
  if (!code) return "—";
  return pairs.find(([c]) => c === code)?.[1] ?? code;
}

/** ISO 3166-1 alpha-2 codes of the EU/EEA (transfers inside need no Chapter V safeguard). */
export const EEA_COUNTRIES = new Set([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
]);
