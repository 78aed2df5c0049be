// Consent: one zod schema per input, shared by the forms, server actions, the machine API
// and the OpenAPI document.
import { z } from "zod";

export const CONSENT_ACTIONS = ["grant", "withdraw", "opt_out", "opt_in"] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];
export const CONSENT_SOURCES = ["banner", "form", "api", "import"] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];
export const CONSENT_STATUSES = ["granted", "withdrawn", "opted_out", "none"] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

// GDPR Art. 6(1)(a)-(f).
export const LAWFUL_BASES = ["consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"] as const;
export const LAWFUL_BASIS_LABELS: Record<(typeof LAWFUL_BASES)[number], string> = {
  consent: "Consent (Art. 6(1)(a))",
  contract: "Contract (Art. 6(1)(b))",
  legal_obligation: "Legal obligation (Art. 6(1)(c))",
  vital_interests: "Vital interests (Art. 6(1)(d))",
  public_task: "Public task (Art. 6(1)(e))",
  legitimate_interests: "Legitimate interests (Art. 6(1)(f))",
};

/** A batch holds at most this many events (issue 4). */
export const MAX_BATCH = 1000;
/** How far in the future an event's time may be: the sender's clock may run a little fast. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export const purposeKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, "must be 2-64 lower-case letters, digits or underscores, starting with a letter");

export const noticeTextSchema = z.string().trim().min(1, "is required").max(20_000);

export const createPurposeSchema = z
  .object({
    key: purposeKeySchema,
    title: z.string().trim().min(1, "is required").max(200),
    description: z.string().trim().max(2000).optional(),
    lawfulBasis: z.enum(LAWFUL_BASES),
    saleOrShare: z.boolean().optional(),
    noticeText: noticeTextSchema.optional(),
    evidenceRetentionDays: z.number().int().min(1).max(36_500).nullable().optional(),
  })
  .strict()
  .meta({ id: "ConsentPurposeInput" });
export type CreatePurposeInput = z.infer<typeof createPurposeSchema>;

export const retentionSchema = z.object({
  purposeKey: purposeKeySchema,
  evidenceRetentionDays: z.number().int().min(1).max(36_500).nullable(),
});

export const jurisdictionSchema = z
  .string()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, "must be an ISO 3166 code such as FR or US-CA");

export const consentEventInputSchema = z
  .object({
    subjectId: z.string().min(1, "is required").max(256),
    purpose: z.string().min(1, "is required").max(64),
    action: z.enum(CONSENT_ACTIONS),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    noticeVersion: z.number().int().positive().optional(),
    source: z.enum(CONSENT_SOURCES).optional(),
    jurisdiction: jurisdictionSchema.optional(),
    gpc: z.boolean().optional(),
    evidence: z
      .object({ userAgent: z.string().max(512).optional(), ip: z.string().max(64).optional() })
      .strict()
      .optional()
      .describe("The data subject's browser evidence when the caller is a server; otherwise the request's own User-Agent and IP are used."),
  })
  .strict()
  .meta({ id: "ConsentEventInput" });
export type ConsentEventInput = z.infer<typeof consentEventInputSchema>;

/** The documented request body: one event, or `{ events: [...] }` with up to 1,000. */
export const consentEventsBodySchema = z
  .union([consentEventInputSchema, z.object({ events: z.array(consentEventInputSchema).min(1).max(MAX_BATCH) }).strict()])
  .meta({ id: "ConsentEventsRequest" });

export const consentIngestResultSchema = z
  .object({
    batchId: z.string(),
    accepted: z.number().int().describe("Events in the request, all recorded"),
    gpcOptOuts: z.number().int().describe("Opt-outs of sale/sharing purposes recorded because of a GPC signal"),
    receivedAt: z.iso.datetime(),
  })
  .meta({ id: "ConsentIngestResult" });
export type ConsentIngestResult = z.infer<typeof consentIngestResultSchema>;

export const consentSubjectStateSchema = z
  .object({
    subjectId: z.string(),
    purposes: z.array(
      z.object({
        purpose: z.string(),
        status: z.enum(CONSENT_STATUSES),
        updatedAt: z.iso.datetime().nullable(),
        gpc: z.boolean(),
        noticeVersion: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: "ConsentSubjectState" });
export type ConsentSubjectState = z.infer<typeof consentSubjectStateSchema>;

export const consentPurposeSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    title: z.string(),
    description: z.string(),
    lawfulBasis: z.enum(LAWFUL_BASES),
    saleOrShare: z.boolean(),
    evidenceRetentionDays: z.number().int().nullable(),
    currentNoticeVersion: z.number().int().nullable(),
    notices: z.array(z.object({ version: z.number().int(), textSha256: z.string(), publishedAt: z.iso.datetime() })),
    createdAt: z.iso.datetime(),
    archivedAt: z.iso.datetime().nullable().meta({ description: "When the purpose was archived (null: active). Events for it are still recorded: a withdrawal must always be honoured." }),
    archivedBy: z.string().nullable(),
  })
  .meta({ id: "ConsentPurpose" });
export type ConsentPurposeDto = z.infer<typeof consentPurposeSchema>;

export const invalidEventSchema = z.object({ index: z.number().int(), reason: z.string() }).meta({ id: "InvalidConsentEvent" });
