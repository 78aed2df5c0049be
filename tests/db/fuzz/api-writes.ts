// The tables each write operation adds rows to when it succeeds, besides the audit log. The
// fuzz test counts these per request (not all sixty tables) and checks at the end of each
// operation that nothing else changed, so a missing entry fails there by name.
const NOTIFY = ["OutboxMessage", "WebhookDelivery"];

export const API_WRITES: Record<string, string[]> = {
  "post /api/v1/assets": ["DataAsset", "IdempotencyRecord"],
  "post /api/v1/processing-activities": ["ProcessingActivity", "ActivityAsset", "IdempotencyRecord"],
  "post /api/v1/consent/purposes": ["ConsentPurpose", "ConsentNoticeVersion", "IdempotencyRecord"],
  "post /api/v1/consent/events": ["ConsentSubject", "ConsentEvent", "ConsentState", "ConsentEvidence", "IdempotencyRecord"],
  "post /api/v1/incidents": ["Incident", "BreachObligation", "IncidentTimelineEntry", "IncidentAsset", "ReferenceCounter", "IdempotencyRecord", ...NOTIFY],
  "patch /api/v1/incidents/{id}": ["BreachObligation", "IncidentTimelineEntry", ...NOTIFY],
  "post /api/v1/incidents/{id}/obligations/{obligationId}/sent": ["IncidentTimelineEntry", "IdempotencyRecord", ...NOTIFY],
  "post /api/v1/ai-systems": ["AiSystem", "IdempotencyRecord"],
  "post /api/v1/ai-systems/{id}/model-versions": ["AiModelVersion", "IdempotencyRecord"],
  "put /api/v1/ai-systems/{id}/policy": ["EscalationPolicy"],
  "post /api/v1/decisions": ["OversightDecision", "CallbackDelivery", "IdempotencyRecord", ...NOTIFY],
  "post /api/v1/decisions/{id}/reviews": ["DecisionReview", "CallbackDelivery", ...NOTIFY],
  "put /api/v1/organisation": ["Setting", "OrganisationProfile", "BreachObligation", "IncidentTimelineEntry"],
  "post /api/v1/webhooks": ["WebhookEndpoint"],
  "post /api/v1/webhooks/{id}/test": ["WebhookDelivery"],
};
