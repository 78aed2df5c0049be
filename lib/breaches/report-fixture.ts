// A sample incident DTO for the report tests (not a test file itself).
import type { IncidentDto } from "@/lib/validation/breaches";

export const INCIDENT: IncidentDto = {
  id: "i1", reference: "INC-2026-0001", title: "Stolen laptop", description: "Taken from a car.", occurredAt: "2026-03-01T18:00:00.000Z", occurredUntil: null,
  discoveredAt: "2026-03-02T10:00:00.000Z", containedAt: null, status: "open", roles: [], dataCategories: ["names", "diagnoses"], dataElements: null, encryptionKeyCompromised: false, stateHarmNotLikely: false, phi: true, encrypted: false, encryptedSource: "client",
  riskLevel: "high", riskRationale: "Health data", hipaaAssessment: { nature: "Diagnoses", unauthorizedPerson: "Unknown thief", acquiredOrViewed: "Unknown", mitigation: "Remote wipe requested" },
  hipaaLowProbabilityOfCompromise: false, affected: [{ jurisdiction: "US-CA", count: 600 }, { jurisdiction: "DE", count: 3 }], aiSeriousIncident: null, lawEnforcementDelay: null,
  sector: { materialityDeterminedAt: null, secDelayUntil: null, doraMajorClassifiedAt: null, nis2Significant: null, aiMemberStates: [], hhsBreachType: [], hhsLocation: [] },
  timeZone: "Europe/Berlin", version: 0, createdAt: "2026-03-02T10:05:00.000Z", updatedAt: "2026-03-02T10:05:00.000Z",
  obligations: [
    { id: "o1", key: "GDPR:supervisory_authority:DE", regime: "GDPR", recipient: "supervisory_authority", jurisdiction: "DE", dueAt: "2026-03-05T10:00:00.000Z", dueRule: "72 hours", citation: "GDPR Art. 33(1)", status: "open", ruleVersion: "gdpr-art33-34@2018-05-25", trigger: "awareness", applies: true, statusReason: null, sentAt: null, reference: null, sentBy: null, contentChecklist: [] },
    { id: "o2", key: "HIPAA:hhs", regime: "HIPAA", recipient: "hhs", dueAt: "2026-05-01T21:59:59.999Z", dueRule: "60 days", citation: "45 CFR 164.408(b)", status: "open", ruleVersion: "hipaa-164.400-414@2013-09-23", trigger: "discovery", applies: true, statusReason: null, sentAt: null, reference: null, sentBy: null, contentChecklist: [] },
  ],
  timeline: [{ id: "t1", at: "2026-03-02T11:00:00.000Z", action: "Police report filed", performedBy: "Office manager", recordedBy: "officer@example.com" }],
  assets: [],
};
