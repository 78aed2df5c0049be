// Shared schemas for the oversight area: the API bodies, the forms and the server
// functions parse with these, and the OpenAPI document is generated from them.
import { z } from "zod";
import { rejectUnsafeText } from "@/lib/validation/safe-input";

export const RISK_TIERS = ["prohibited", "high", "limited", "minimal"] as const;
export const DEPLOYMENT_STATUSES = ["development", "production", "retired"] as const;
export const MODEL_STATUSES = ["draft", "approved", "retired"] as const;
export const DECISION_STATUSES = ["auto_accepted", "pending_review", "approved", "rejected", "overridden", "expired", "escalated"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const TERMINAL_STATUSES: readonly DecisionStatus[] = ["auto_accepted", "approved", "rejected", "overridden", "expired"];
export const OPEN_STATUSES: readonly DecisionStatus[] = ["pending_review", "escalated"];
export const VERDICTS = ["approve", "reject", "override", "request_info"] as const;
export type Verdict = (typeof VERDICTS)[number];
export const IMPACTS = ["low", "medium", "high", "critical"] as const;
/** Roles (or groups) an expired SLA can escalate to. */
export const ESCALATION_TARGETS = ["compliance_officer", "admin", "reviewer"] as const;
/**
 * Art. 26(6) AI Act: logs kept at least six months. Six calendar months are 181 to 184 days
 * depending on the start (e.g. 1 March to 1 September is 184), so a retention counted in days
 * must be at least 184 to cover six months from any day (checked in oversight-retention.test.ts).
 */
export const MIN_RETENTION_DAYS = 184;

const text = (max: number) => z.string().trim().min(1, "is required").max(max).superRefine(rejectUnsafeText);

/** Ids of data inventory records an AI system uses; the whole set is replaced when sent. */
const linkIds = (what: string) =>
  z
    .array(z.string().trim().min(1).max(100))
    .max(500)
    .transform((ids) => [...new Set(ids)])
    .meta({ description: `Ids of the ${what} this AI system uses. Sending the field replaces the whole set; omitting it leaves it unchanged. Unknown ids are refused (422).` });

export const aiSystemLinksSchema = z
  .object({
    assetIds: linkIds("data inventory assets (GET /api/v1/assets)").optional(),
    processingActivityIds: linkIds("GDPR Art. 30 processing activities (GET /api/v1/processing-activities)").optional(),
  })
  .meta({ id: "AiSystemLinks" });
export type AiSystemLinksInput = z.infer<typeof aiSystemLinksSchema>;

export const createAiSystemSchema = z
  .object({
    name: text(200),
    purpose: text(2000),
    riskTier: z.enum(RISK_TIERS),
    owner: z.string().trim().max(200).optional(),
    deploymentStatus: z.enum(DEPLOYMENT_STATUSES).optional(),
    retentionDays: z.number().int().min(MIN_RETENTION_DAYS, `cannot be below ${MIN_RETENTION_DAYS} days (EU AI Act Art. 26(6): at least six months)`).max(36500).optional(),
    ...aiSystemLinksSchema.shape,
  })
  .meta({ id: "CreateAiSystem" });

export const updateAiSystemSchema = z
  .object({
    deploymentStatus: z.enum(DEPLOYMENT_STATUSES).optional(),
    owner: z.string().trim().max(200).optional(),
    retentionDays: z.number().int().min(MIN_RETENTION_DAYS, `cannot be below ${MIN_RETENTION_DAYS} days (EU AI Act Art. 26(6): at least six months)`).max(36500).optional(),
    ...aiSystemLinksSchema.shape,
  })
  .meta({ id: "UpdateAiSystem" });

export const aiSystemCreatedSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    riskTier: z.enum(RISK_TIERS),
    callbackSecret: z.string().meta({ description: "HMAC-SHA-256 secret for verifying outcome callbacks. Shown once; rotate with POST /api/v1/ai-systems/{id}/callback-secret." }),
    assetIds: z.array(z.string()),
    processingActivityIds: z.array(z.string()),
  })
  .meta({ id: "AiSystemCreated" });

export const createModelVersionSchema = z
  .object({
    version: text(100),
    artifactSha256: z.string().trim().toLowerCase().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in hex (64 characters)"),
    trainingDataRef: z.string().trim().max(500).optional(),
    notes: z.string().trim().max(10000).optional(),
  })
  .meta({ id: "CreateModelVersion" });

export const modelVersionSchema = z
  .object({
    id: z.string(),
    aiSystemId: z.string(),
    version: z.string(),
    artifactSha256: z.string(),
    trainingDataRef: z.string().nullable(),
    notes: z.string().nullable(),
    status: z.enum(MODEL_STATUSES),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "ModelVersion" });

export const policyRuleSchema = z
  .object({
    when: z
      .object({
        decisionType: z.string().trim().min(1).max(100).optional(),
        impact: z.enum(IMPACTS).optional(),
        confidenceBelow: z.number().min(0).max(1).optional(),
        amountAbove: z.number().optional(),
        jurisdiction: z.string().trim().min(1).max(20).optional(),
      })
      .strict()
      .default({}),
    action: z.enum(["auto_accept", "review"]),
    approvals: z.number().int().min(1).max(10).optional(),
    slaHours: z.number().positive().max(24 * 90).optional(),
    onTimeout: z.enum(["escalate", "expire"]).optional(),
    escalateTo: z.enum(ESCALATION_TARGETS).optional(),
    /** Default true: one reject from a required reviewer ends the decision as rejected. */
    rejectEnds: z.boolean().optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.action === "auto_accept" && (r.approvals !== undefined || r.slaHours !== undefined || r.onTimeout !== undefined)) {
      ctx.addIssue({ code: "custom", message: "cannot be combined with approvals, an SLA or a timeout (those belong to a review)", path: ["action"] });
    }
    if (r.escalateTo && r.onTimeout !== "escalate") ctx.addIssue({ code: "custom", message: "needs On timeout set to Escalate", path: ["escalateTo"] });
  });
export type PolicyRule = z.infer<typeof policyRuleSchema>;

export const putPolicySchema = z
  .object({
    rules: z.array(policyRuleSchema).max(100),
    /** Admins and compliance officers may review only when this is true (reviewers always may). */
    allowAdminReview: z.boolean().optional(),
  })
  .meta({ id: "EscalationPolicy" });

export const policyResponseSchema = z
  .object({ aiSystemId: z.string(), revision: z.number().int(), rules: z.array(z.unknown()), allowAdminReview: z.boolean(), updatedAt: z.string() })
  .meta({ id: "EscalationPolicyStored" });

export const aiSystemSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    purpose: z.string(),
    owner: z.string().nullable(),
    riskTier: z.enum(RISK_TIERS),
    deploymentStatus: z.enum(DEPLOYMENT_STATUSES),
    retentionDays: z.number().int(),
    createdAt: z.string(),
    archivedAt: z.string().nullable().meta({ description: "When the system was archived (null: active); see POST /api/v1/ai-systems/{id}/archive" }),
    archivedBy: z.string().nullable(),
    versions: z.array(modelVersionSchema),
    policy: z.object({ revision: z.number().int(), rules: z.array(z.unknown()), allowAdminReview: z.boolean() }).nullable(),
    openDecisions: z.number().int(),
    assetIds: z.array(z.string()).meta({ description: "Data inventory assets the system uses" }),
    processingActivityIds: z.array(z.string()).meta({ description: "GDPR Art. 30 processing activities the system serves" }),
  })
  .meta({ id: "AiSystem" });

const jsonValue: z.ZodType<unknown> = z.unknown();

export const submitDecisionSchema = z
  .object({
    externalId: text(200),
    modelVersion: text(100),
    decisionType: text(100),
    proposedOutcome: text(200),
    confidence: z.number().min(0).max(1),
    impact: z.enum(IMPACTS).optional(),
    amount: z.number().finite().optional(),
    jurisdiction: z.string().trim().min(1).max(20).optional(),
    subjectRef: z.string().trim().min(1).max(500).optional(),
    summary: text(4000),
    inputs: jsonValue.optional().refine((v) => v === undefined || JSON.stringify(v).length <= 64_000, "must be at most 64 kB of JSON"),
    // Where it may point (public addresses, or CALLBACK_ALLOWED_HOSTS) is checked by the
    // server with lib/net/ssrf.ts, which needs the operator's allow list.
    callbackUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .refine((u) => {
        const url = new URL(u);
        return !url.username && !url.password;
      }, "must carry no credentials")
      .optional(),
  })
  .meta({ id: "SubmitDecision" });
export type SubmitDecisionInput = z.infer<typeof submitDecisionSchema>;

export const decisionSubmittedSchema = z
  .object({
    id: z.string(),
    status: z.enum(["auto_accepted", "pending_review"]),
    requiredApprovals: z.number().int(),
    dueAt: z.string().nullable(),
  })
  .meta({ id: "DecisionSubmitted" });

export const reviewSchema = z
  .object({
    verdict: z.enum(VERDICTS),
    rationale: z.string().trim().min(3, "is required: say why (at least 3 characters)").max(4000),
    overrideOutcome: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.verdict === "override" && !r.overrideOutcome) ctx.addIssue({ code: "custom", message: "is required for an override", path: ["overrideOutcome"] });
    if (r.verdict !== "override" && r.overrideOutcome) ctx.addIssue({ code: "custom", message: "is only for an override", path: ["overrideOutcome"] });
  })
  .meta({ id: "SubmitReview" });
export type ReviewInput = z.infer<typeof reviewSchema>;

export const decisionViewSchema = z
  .object({
    id: z.string(),
    status: z.enum(DECISION_STATUSES),
    finalOutcome: z.string().nullable(),
    reviews: z.array(z.object({ reviewer: z.string(), verdict: z.enum(VERDICTS), rationale: z.string(), at: z.string() })),
    dueAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    externalId: z.string(),
    requiredApprovals: z.number().int(),
    approvals: z.number().int(),
  })
  .meta({ id: "Decision" });

export const escalateSchema = z.object({ reason: z.string().trim().min(3, "is required").max(2000) });

export const inboxQuerySchema = z.object({
  system: z.string().max(100).optional(),
  type: z.string().max(100).optional(),
  impact: z.enum(IMPACTS).optional(),
  overdue: z.enum(["1", "true"]).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;
