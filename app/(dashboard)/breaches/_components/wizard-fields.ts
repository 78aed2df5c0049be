// Labels of the incident wizard by the paths of the incident payload it sends, shared by the
// wizard and the server actions' error sentences (docs/decisions/012-one-form-pattern.md).
// "affected.*" names a row of the affected-people step ("Jurisdiction 2: People affected …").
import type { FieldSpecs } from "@/lib/forms/issue-words";

export const INCIDENT_FIELDS: FieldSpecs = {
  title: "Title",
  description: "Description",
  discoveredAt: "Discovered / became aware",
  occurredAt: "Occurred",
  containedAt: "Contained",
  status: "Incident status",
  dataCategories: "Data categories",
  dataElements: "Data elements",
  roles: "Role",
  "affected.*": "Jurisdiction",
  "affected.*.jurisdiction": { label: "Country or state", format: "must be an ISO code such as DE, GB or US-CA" },
  "affected.*.count": "People affected",
  riskLevel: "GDPR: risk to people's rights and freedoms",
  riskRationale: "Why",
  "hipaaAssessment.nature": "(i) Nature and extent of the PHI",
  "hipaaAssessment.unauthorizedPerson": "(ii) Who used it or received it",
  "hipaaAssessment.acquiredOrViewed": "(iii) Was it actually acquired or viewed",
  "hipaaAssessment.mitigation": "(iv) Extent of mitigation",
  "aiSeriousIncident.kind": "Kind of serious incident",
  "aiSeriousIncident.system": "AI system",
  "lawEnforcementDelay.until": "Delay until (date)",
  "lawEnforcementDelay.statedAt": "Delay requested on (date)",
  "lawEnforcementDelay.official": "Official",
  materialityDeterminedAt: "Materiality determined at",
  secDelayUntil: "Attorney General delay until",
  doraMajorClassifiedAt: "Classified as a major ICT incident at",
  aiMemberStates: "AI Act: Member State(s) where it occurred",
  assetIds: "Linked assets",
};
