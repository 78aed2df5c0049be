// Public surface of the breach deadline engine.
export { computeObligations, effectiveRoles, normaliseJurisdiction } from "./compute-obligations";
export { CATALOGUE, MISSING_RULES, catalogueProblems, rulesInForce } from "./catalogue";
export type { MissingRule } from "./catalogue";
export { EEA_COUNTRIES, EU_MEMBER_STATES } from "./rules/gdpr";
export * from "./types";
