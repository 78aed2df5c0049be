// One entry per server action that takes input (issue 13): who may call it, who may not, and
// a valid form for it. tests/db/fuzz/action-coverage.test.ts fails when an exported action
// of a "use server" file has no entry here (or in NO_INPUT), so a new action gets fuzzed.
import type { Role } from "@/lib/auth/permissions";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import type { FormSample } from "./form-arbitraries";
import type { ActionFixtures } from "./action-fixtures";

export type Caller = Role | "anonymous";

export type ActionSpec = {
  /** The role the action is for, then one it must refuse (none: every signed-in person may). */
  roles: [Caller, Caller?];
  form: (fx: ActionFixtures) => FormSample;
  /** Fields carrying JSON text, each with a valid value the generator mutates inside. */
  json?: (fx: ActionFixtures) => Record<string, unknown>;
  /** Tables a refusal writes on purpose (a failed attempt counted for backoff, audited). */
  refusalWrites?: string[];
  /** Tables a valid form may write besides those the sample's own call wrote: another branch,
   *  or a sample that changes nothing (settings forms sent with the current values). */
  writes?: string[];
};

const D = "app/(dashboard)";
const stamp = () => Math.random().toString(36).slice(2, 8);
const incident = { title: "Fuzzed incident", discoveredAt: "2031-05-04T10:00:00Z", affected: [{ jurisdiction: "DE", count: 5 }] };

export const SPECS: Record<string, ActionSpec> = {
  [`${D}/account/actions.ts#confirmMfaAction`]: { roles: ["reviewer"], form: () => ({ code: "123456", currentPassword: "correct-horse-battery-staple" }), writes: ["User", "RecoveryCode"], refusalWrites: ["RateLimitBucket", "AuditEvent"] },
  [`${D}/account/actions.ts#regenerateCodesAction`]: { roles: ["reviewer"], form: () => ({ code: "123456" }), writes: ["RecoveryCode"], refusalWrites: ["RateLimitBucket", "AuditEvent"] },
  [`${D}/account/actions.ts#changePasswordAction`]: { roles: ["reviewer"], form: () => ({ currentPassword: "correct-horse-battery-staple", newPassword: "a-new-passphrase-2031" }), writes: ["User", "AuthSession"], refusalWrites: ["RateLimitBucket", "AuditEvent"] },
  [`${D}/account/actions.ts#createOwnApiKeyAction`]: { roles: ["compliance_officer"], form: () => ({ name: `fuzz ${stamp()}`, scopes: ["inventory:read"] }) },
  [`${D}/account/notification-actions.ts#saveNotificationsAction`]: { roles: ["compliance_officer"], form: () => ({ enabled: [NOTIFICATION_KINDS[0]], digest: "on" }) },
  [`${D}/admin/actions.ts#createUserAction`]: { roles: ["admin", "compliance_officer"], form: () => ({ email: `fuzz-${stamp()}@test.local`, name: "Fuzz", role: "reviewer", password: "correct-horse-battery-2031" }) },
  [`${D}/admin/actions.ts#userCommandAction`]: { roles: ["admin", "compliance_officer"], form: (fx) => ({ userId: fx.otherUserId, command: "unlock", role: "auditor" }) },
  [`${D}/admin/actions.ts#createApiKeyAction`]: { roles: ["admin", "compliance_officer"], form: () => ({ name: `fuzz ${stamp()}`, scopes: ["audit:read"] }) },
  [`${D}/admin/actions.ts#revokeApiKeyAction`]: { roles: ["admin", "compliance_officer"], form: (fx) => ({ keyId: fx.apiKeyId }) },
  [`${D}/admin/actions.ts#setMfaRequiredAction`]: { roles: ["admin", "compliance_officer"], form: () => ({}), writes: ["Setting"] },
  [`${D}/admin/alert-actions.ts#setAlertThresholdsAction`]: { roles: ["admin", "compliance_officer"], form: (fx) => fx.thresholds, writes: ["Setting"] },
  [`${D}/admin/frameworks/actions.ts#importFrameworkAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ file: new File([fx.catalogText], "catalog.json", { type: "application/json" }), id: fx.frameworkId }), writes: ["Framework", "Requirement"] },
  [`${D}/admin/organisation-action.ts#saveOrganisationProfileAction`]: { roles: ["admin", "compliance_officer"], form: (fx) => fx.organisationForm, writes: ["Setting", "OrganisationProfile", "BreachObligation", "IncidentTimelineEntry"] },
  [`${D}/admin/scim-actions.ts#createScimTokenAction`]: { roles: ["admin", "compliance_officer"], form: () => ({ name: `fuzz ${stamp()}` }) },
  [`${D}/admin/scim-actions.ts#revokeScimTokenAction`]: { roles: ["admin", "compliance_officer"], form: (fx) => ({ tokenId: fx.scimTokenId }) },
  [`${D}/admin/webhooks/actions.ts#createWebhookAction`]: { roles: ["admin", "compliance_officer"], form: () => ({ url: "http://127.0.0.1:9/fuzz", events: ["incident.created"] }) },
  [`${D}/admin/webhooks/actions.ts#deleteWebhookAction`]: { roles: ["admin", "compliance_officer"], form: (fx) => ({ id: fx.spareWebhookId }) },
  [`${D}/admin/webhooks/actions.ts#sendTestEventAction`]: { roles: ["admin", "compliance_officer"], form: (fx) => ({ id: fx.webhookId }) },
  [`${D}/alerts/actions.ts#acknowledgeAlertAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ id: fx.alertId, comment: "Known: a load test." }) },
  [`${D}/breaches/actions.ts#createIncidentAction`]: { roles: ["compliance_officer", "auditor"], form: () => ({}), json: () => ({ payload: incident }) },
  [`${D}/breaches/actions.ts#updateIncidentAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ incidentId: fx.incidentId }), json: () => ({ payload: { title: "Fuzzed again" } }) },
  [`${D}/breaches/actions.ts#markSentAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ incidentId: fx.incidentId, obligationId: fx.obligationId }), json: () => ({ payload: { sentAt: "2031-05-05T10:00:00Z", reference: "ref" } }), writes: ["IncidentTimelineEntry"] },
  [`${D}/breaches/actions.ts#setStatusAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ incidentId: fx.incidentId, obligationId: fx.obligationId, status: "not_required", reason: "Below the threshold" }) },
  [`${D}/breaches/actions.ts#checklistAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ incidentId: fx.incidentId, obligationId: fx.obligationId, count: "5", "item-0": "on" }) },
  [`${D}/breaches/actions.ts#timelineAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ incidentId: fx.incidentId }), json: () => ({ payload: { at: "2031-05-04T12:00:00Z", action: "Isolated the laptop", performedBy: "SOC" } }) },
  [`${D}/breaches/actions.ts#searchAssetsAction`]: { roles: ["compliance_officer", "reviewer"], form: () => ({ q: "fuzz" }) },
  [`${D}/consent/actions.ts#createPurposeAction`]: { roles: ["compliance_officer", "auditor"], form: () => ({ key: `fuzz_${stamp()}`, title: "Fuzz", lawfulBasis: "consent", noticeText: "We email you." }) },
  [`${D}/consent/actions.ts#publishNoticeAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ purposeKey: fx.purposeKey, text: "A newer notice." }) },
  [`${D}/consent/actions.ts#setRetentionAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ purposeKey: fx.purposeKey, evidenceRetentionDays: "365" }) },
  [`${D}/consent/actions.ts#findSubjectAction`]: { roles: ["compliance_officer", "reviewer"], form: (fx) => ({ identifier: fx.subjectIdentifier }) },
  [`${D}/consent/actions.ts#revealSubjectAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ ref: fx.subjectRef }) },
  [`${D}/consent/actions.ts#runRetentionAction`]: { roles: ["compliance_officer", "reviewer"], form: () => ({ confirm: "no" }) },
  [`${D}/consent/actions.ts#archivePurposeAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ id: fx.purposeId, intent: "archive" }) },
  [`${D}/inventory/actions.ts#saveAssetAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => fx.assetForm },
  [`${D}/inventory/actions.ts#saveActivityAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => fx.activityForm, json: () => ({ purposes: [{ purpose: "Pay salaries", lawfulBasis: "contract" }], recipients: [], transfers: [] }) },
  [`${D}/inventory/actions.ts#markReviewedAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ kind: "asset", id: fx.assetId, comment: "Checked." }) },
  [`${D}/inventory/actions.ts#archiveRecordAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ kind: "asset", id: fx.assetId, intent: "restore" }) },
  [`${D}/inventory/actions.ts#importAction`]: { roles: ["compliance_officer", "auditor"], form: () => ({ kind: "assets", csv: "name,hosting\nFuzz import,saas\n", intent: "preview" }), writes: ["DataAsset", "ProcessingActivity", "ActivityAsset"] },
  [`${D}/oversight/actions.ts#reviewDecisionAction`]: { roles: ["reviewer", "auditor"], form: (fx) => ({ decisionId: fx.decisionId, verdict: "request_info", rationale: "Which rule fired?" }) },
  [`${D}/oversight/actions.ts#escalateDecisionAction`]: { roles: ["reviewer", "auditor"], form: (fx) => ({ decisionId: fx.decisionId, reason: "Needs a second look" }) },
  [`${D}/oversight/actions.ts#revealInputsAction`]: { roles: ["reviewer", "auditor"], form: (fx) => ({ decisionId: fx.decisionId }) },
  [`${D}/oversight/actions.ts#createAiSystemAction`]: { roles: ["compliance_officer", "reviewer"], form: () => ({ name: `Fuzz ${stamp()}`, purpose: "Routes claims", riskTier: "high" }) },
  [`${D}/oversight/actions.ts#createModelVersionAction`]: { roles: ["compliance_officer", "reviewer"], form: (fx) => ({ aiSystemId: fx.aiSystemId, version: `v-${stamp()}`, artifactSha256: "a".repeat(64) }) },
  [`${D}/oversight/actions.ts#modelVersionCommandAction`]: { roles: ["compliance_officer", "reviewer"], form: (fx) => ({ aiSystemId: fx.aiSystemId, versionId: fx.versionId, command: "approve" }), writes: [] },
  [`${D}/oversight/actions.ts#putPolicyAction`]: { roles: ["compliance_officer", "reviewer"], form: (fx) => ({ aiSystemId: fx.aiSystemId }), json: () => ({ rules: [] }), writes: ["EscalationPolicy"] },
  [`${D}/oversight/actions.ts#rotateSecretAction`]: { roles: ["compliance_officer", "reviewer"], form: (fx) => ({ aiSystemId: fx.aiSystemId }) },
  [`${D}/oversight/actions.ts#setAiSystemLinksAction`]: { roles: ["compliance_officer", "reviewer"], form: (fx) => ({ aiSystemId: fx.aiSystemId, assetIds: [fx.assetId], processingActivityIds: [fx.activityId] }) },
  [`${D}/oversight/actions.ts#archiveAiSystemAction`]: { roles: ["compliance_officer", "reviewer"], form: (fx) => ({ id: fx.spareSystemId, intent: "restore" }) },
  [`${D}/posture/actions.ts#reviewControlAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ controlId: fx.controlId, status: "satisfied", comment: "Checked the config.", links: "https://example.org/evidence" }), writes: ["ControlReview", "ControlEvidence", "EvidenceUpload"] },
  [`${D}/posture/actions.ts#overrideControlAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ controlId: fx.controlId, status: "", reason: "" }), writes: [] },
  [`${D}/posture/actions.ts#updateControlAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ controlId: fx.controlId, title: "Fuzzed control", frequencyDays: "90" }), writes: [] },
  [`${D}/posture/actions.ts#createChecklistAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ name: `Fuzz ${stamp()}`, controlIds: [fx.controlId] }) },
  [`${D}/posture/actions.ts#createControlAction`]: { roles: ["compliance_officer", "auditor"], form: () => ({ id: `FUZZ-${stamp().toUpperCase()}`, title: "Fuzz control", description: "A control", area: "security", citation: "Policy 1", frequencyDays: "90", manualCheck: "Look at it" }) },
  [`${D}/posture/actions.ts#archiveControlAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ id: fx.controlId, intent: "restore" }) },
  [`${D}/posture/frameworks/actions.ts#mapControlAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ controlId: fx.controlId, requirementId: fx.requirementIds[0]!, rationale: "Covers it" }) },
  [`${D}/posture/frameworks/actions.ts#unmapControlAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ controlId: fx.controlId, requirementId: fx.requirementIds[1]! }), writes: ["ControlRequirement"] },
  [`${D}/posture/frameworks/actions.ts#applicabilityAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ requirementId: fx.requirementIds[0]!, applicable: "true", reason: "" }), writes: ["RequirementApplicability"] },
  [`${D}/posture/frameworks/actions.ts#addCrosswalkAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ fromId: fx.requirementIds[0]!, toId: fx.requirementIds[1]!, relationship: "equivalent", source: "fuzz" }) },
  [`${D}/posture/frameworks/actions.ts#removeCrosswalkAction`]: { roles: ["compliance_officer", "auditor"], form: (fx) => ({ id: fx.crosswalkId }) },
  ["app/forgot-password/actions.ts#requestResetAction"]: { roles: ["anonymous"], form: (fx) => ({ email: fx.otherUserEmail }), writes: ["OutboxMessage", "PasswordResetToken"], refusalWrites: ["RateLimitBucket", "AuditEvent"] },
  ["app/forgot-password/actions.ts#resetPasswordAction"]: { roles: ["anonymous"], form: () => ({ token: "not-a-token", newPassword: "a-new-passphrase-2031" }), writes: ["PasswordResetToken", "User", "AuthSession"], refusalWrites: ["RateLimitBucket", "AuditEvent"] },
  ["app/login/step-up/actions.ts#stepUpAction"]: { roles: ["anonymous"], form: () => ({ code: "123456" }), writes: ["AuthSession"], refusalWrites: ["RateLimitBucket", "AuditEvent"] },
};

/** Actions without input: called once per role in the fuzz test, nothing to vary. */
export const NO_INPUT: Record<string, [Caller, Caller?]> = {
  [`${D}/account/actions.ts#startMfaAction`]: ["reviewer"],
  [`${D}/account/actions.ts#regenerateCalendarAction`]: ["compliance_officer"],
  [`${D}/account/actions.ts#revokeCalendarAction`]: ["compliance_officer"],
  [`${D}/audit/actions.ts#verifyLogAction`]: ["auditor", "reviewer"],
  [`${D}/posture/actions.ts#takeSnapshotAction`]: ["compliance_officer", "auditor"],
};
