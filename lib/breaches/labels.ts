// The breach codes in words, for pages, reports and the register (raw codes confused readers).

export const ROLE_LABELS: Record<string, string> = {
  controller: "Controller (GDPR)",
  processor: "Processor (GDPR)",
  covered_entity: "HIPAA covered entity",
  business_associate: "HIPAA business associate",
  ai_provider: "AI system provider (AI Act)",
  ai_deployer: "AI system deployer (AI Act)",
};
export const RISK_LABELS: Record<string, string> = {
  unlikely: "Unlikely to result in a risk to people",
  risk: "A risk to people (notify the authority)",
  high: "A high risk to people (notify the authority and the people)",
};
export const AI_INCIDENT_LABELS: Record<string, string> = {
  death: "Death of a person",
  critical_infrastructure: "Serious and irreversible disruption of critical infrastructure",
  widespread_infringement: "Widespread infringement",
  other: "Other serious incident",
};
export const labelOf = (labels: Record<string, string>, code: string | null | undefined, none = "Not assessed") => (code ? labels[code] ?? code : none);

/** The roles in words; none recorded means the organisation owns the data (the engine's default). */
export function rolesText(roles: readonly string[], phi: boolean): string {
  if (roles.length) return roles.map((r) => labelOf(ROLE_LABELS, r)).join("; ");
  return `Owner of the data: ${labelOf(ROLE_LABELS, "controller")}${phi ? `; ${labelOf(ROLE_LABELS, "covered_entity")}` : ""}`;
}
