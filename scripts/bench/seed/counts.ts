// Rows per table of the generated dataset (the manifest and the CLI's table).
import { db } from "@/lib/server/db";

export async function countTables(): Promise<Record<string, number>> {
  const d = db();
  const counters: Record<string, () => Promise<number>> = {
    User: () => d.user.count(),
    ApiKey: () => d.apiKey.count(),
    ConsentPurpose: () => d.consentPurpose.count(),
    ConsentNoticeVersion: () => d.consentNoticeVersion.count(),
    ConsentSubject: () => d.consentSubject.count(),
    ConsentEvent: () => d.consentEvent.count(),
    ConsentEvidence: () => d.consentEvidence.count(),
    ConsentState: () => d.consentState.count(),
    DataAsset: () => d.dataAsset.count(),
    ProcessingActivity: () => d.processingActivity.count(),
    ActivityAsset: () => d.activityAsset.count(),
    Incident: () => d.incident.count(),
    BreachObligation: () => d.breachObligation.count(),
    IncidentTimelineEntry: () => d.incidentTimelineEntry.count(),
    IncidentAsset: () => d.incidentAsset.count(),
    AiSystem: () => d.aiSystem.count(),
    AiModelVersion: () => d.aiModelVersion.count(),
    EscalationPolicy: () => d.escalationPolicy.count(),
    OversightDecision: () => d.oversightDecision.count(),
    DecisionReview: () => d.decisionReview.count(),
    Control: () => d.control.count(),
    ControlReview: () => d.controlReview.count(),
    PostureSnapshot: () => d.postureSnapshot.count(),
    AuditEvent: () => d.auditEvent.count(),
    AuditTreeHead: () => d.auditTreeHead.count(),
  };
  const out: Record<string, number> = {};
  for (const [table, count] of Object.entries(counters)) out[table] = await count();
  return out;
}
