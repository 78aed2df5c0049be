// Input and output schemas of the breach area, shared by the API routes, the server actions,
// the wizard and the OpenAPI document.
import { z } from "zod";
import { rejectUnsafeText } from "@/lib/validation/safe-input";
import { AI_INCIDENT_KINDS, DATA_ELEMENTS, RECIPIENTS, RISK_LEVELS, ROLES } from "@/lib/breaches/types";
import { sectorFactsSchema, sectorIncidentFields } from "@/lib/validation/breach-sector";

export const INCIDENT_STATUSES = ["open", "contained", "closed"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const OBLIGATION_STATUSES = ["open", "sent", "not_required", "late"] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

/** An ISO 8601 instant with a zone (Z or an offset): a bare local time would depend on the server. */
export const isoInstant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 instant with a time zone, e.g. 2026-03-02T10:00:00Z" });
/** An ISO date (YYYY-MM-DD, read in the organisation's zone) or an instant. */
export const isoDateOrInstant = z.union([z.iso.date(), isoInstant], { message: "must be a date (YYYY-MM-DD) or an ISO 8601 instant" });

/** ISO 3166-1 alpha-2 (DE, GB) or ISO 3166-2 subdivision (US-CA). */
export const jurisdictionSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/, "must be an ISO 3166 code such as DE or US-CA")
  .transform((s) => {
    const upper = s.toUpperCase();
    return upper === "UK" ? "GB" : upper === "EL" ? "GR" : upper;
  });

export const affectedSchema = z.object({
  jurisdiction: jurisdictionSchema,
  count: z.number().int("must be a whole number").min(0).max(10_000_000_000),
});

/** One of DATA_ELEMENTS; an unknown element is refused with its name (not silently dropped). */
export const dataElementSchema = z.string().superRefine((v, ctx) => {
  if (!(DATA_ELEMENTS as readonly string[]).includes(v)) {
    ctx.addIssue({ code: "custom", message: `unknown data element "${v.slice(0, 60)}"; expected one of ${DATA_ELEMENTS.join(", ")}` });
  }
}).transform((v) => v as (typeof DATA_ELEMENTS)[number]);

const text = (max: number) => z.string().trim().max(max).superRefine(rejectUnsafeText);

export const hipaaAssessmentSchema = z.object({
  /** 164.402(2)(i) nature and extent of the PHI, incl. identifiers and likelihood of re-identification */
  nature: text(4000).optional(),
  /** (ii) the unauthorized person who used the PHI or to whom it was disclosed */
  unauthorizedPerson: text(4000).optional(),
  /** (iii) whether the PHI was actually acquired or viewed */
  acquiredOrViewed: text(4000).optional(),
  /** (iv) the extent to which the risk has been mitigated */
  mitigation: text(4000).optional(),
});

export const lawEnforcementDelaySchema = z.object({
  until: isoDateOrInstant,
  written: z.boolean(),
  statedAt: isoDateOrInstant.optional(),
  /** 164.412(b): an oral statement is documented with the official's identity. */
  official: text(300).optional(),
});

const incidentFields = {
  title: z.string().trim().min(1, "is required").max(200),
  description: text(20_000).optional(),
  discoveredAt: isoInstant,
  occurredAt: isoInstant.nullable().optional(),
  occurredUntil: isoInstant.nullable().optional(),
  containedAt: isoInstant.nullable().optional(),
  status: z.enum(INCIDENT_STATUSES).optional(),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
  dataCategories: z.array(text(100).min(1)).max(50).optional(),
  /** Closed list the US state rules read; null/absent = not given ("needs the data elements"). */
  dataElements: z.array(dataElementSchema).max(DATA_ELEMENTS.length * 2).nullable().optional(),
  phi: z.boolean().optional(),
  encrypted: z.boolean().optional(),
  /** With `encrypted`: the key or credential was acquired too (the state safe harbours then do not apply). */
  encryptionKeyCompromised: z.boolean().optional(),
  /** A documented investigation found misuse or harm not reasonably likely (US state risk-of-harm exceptions). */
  stateHarmNotLikely: z.boolean().optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
  riskRationale: text(4000).optional(),
  hipaaAssessment: hipaaAssessmentSchema.optional(),
  hipaaLowProbabilityOfCompromise: z.boolean().optional(),
  affected: z.array(affectedSchema).max(400).optional(),
  aiSeriousIncident: z.object({ kind: z.enum(AI_INCIDENT_KINDS), system: text(200).optional() }).nullable().optional(),
  lawEnforcementDelay: lawEnforcementDelaySchema.nullable().optional(),
  /**
   * Inventory assets involved (DataAsset ids); the whole set, replacing any previous links. Each
   * must exist (422 naming the unknown ids). When `encrypted` / `dataCategories` / `phi` are not
   * sent, they are pre-filled from these assets (lib/breaches/asset-prefill.ts).
   */
  assetIds: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  ...sectorIncidentFields,
};

/**
 * POST /api/v1/incidents and the wizard. Absent booleans are false; absent risk is `risk` (the
 * conservative side: the authority is notified). Unknown keys are dropped, not refused, so a
 * client sending extra context is not turned away.
 */
export const createIncidentSchema = z.object(incidentFields);
export type CreateIncidentInput = z.infer<typeof createIncidentSchema>;

/**
 * PATCH /api/v1/incidents/{id}: any subset; null clears an optional field. An empty one is
 * a no-op answered with the incident unchanged, like every PATCH (docs/decisions/007).
 */
export const updateIncidentSchema = z.object({ ...incidentFields, version: z.number().int().min(0).optional() }).partial();
export type UpdateIncidentInput = z.infer<typeof updateIncidentSchema>;

export const markSentSchema = z
  .object({
    sentAt: isoInstant,
    reference: text(200).optional(),
    /** GDPR Art. 33(1): a notice after the deadline gives the reasons for the delay. */
    reason: text(4000).optional(),
  })
  .strict();
export type MarkSentInput = z.infer<typeof markSentSchema>;

export const setObligationStatusSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("not_required"), reason: text(4000).min(1, "say why no notice is required") }),
  z.object({ status: z.literal("late"), reason: text(4000).min(1, "say why the notice is late") }),
  z.object({ status: z.literal("open") }),
]);
export type SetObligationStatusInput = z.infer<typeof setObligationStatusSchema>;

export const checklistSchema = z.object({ done: z.array(z.boolean()).max(50) });

export const timelineEntrySchema = z.object({
  at: isoInstant,
  action: text(4000).min(1, "is required"),
  performedBy: text(200).optional(),
});
export type TimelineEntryInput = z.infer<typeof timelineEntrySchema>;

// ---- Output shapes (API responses) ----

export const obligationSummarySchema = z.object({
  id: z.string(),
  key: z.string(),
  regime: z.string(),
  recipient: z.enum(RECIPIENTS),
  jurisdiction: z.string().optional(),
  dueAt: z.string().nullable(),
  dueRule: z.string(),
  citation: z.string(),
  status: z.enum(OBLIGATION_STATUSES),
  /** Id of the obligation whose sending starts this one's clock. */
  dependsOn: z.string().optional(),
  dependsOnKey: z.string().optional(),
  ruleVersion: z.string(),
  trigger: z.enum(["awareness", "discovery", "determination"]),
  applies: z.boolean(),
  statusReason: z.string().nullable(),
  sentAt: z.string().nullable(),
  reference: z.string().nullable(),
  sentBy: z.string().nullable(),
  contentChecklist: z.array(z.object({ item: z.string(), done: z.boolean() })),
});
export type ObligationDto = z.infer<typeof obligationSummarySchema>;


/** A linked inventory asset with its security summary (lib/server/inventory/integration.ts). */
export const incidentAssetSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** True only with provider- or customer-managed keys at rest. */
  encryptedAtRest: z.boolean(),
  encryptionAtRest: z.enum(["none", "provider_managed", "customer_managed"]),
  personalDataCategories: z.array(z.string()),
});
export type IncidentAssetDto = z.infer<typeof incidentAssetSchema>;

export const createIncidentResponseSchema = z.object({
  id: z.string(),
  reference: z.string(),
  obligations: z.array(obligationSummarySchema),
  /** The stored answer (after any pre-fill from the linked assets). */
  encrypted: z.boolean(),
  assets: z.array(incidentAssetSchema),
});

export const incidentSchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  description: z.string(),
  occurredAt: z.string().nullable(),
  occurredUntil: z.string().nullable(),
  discoveredAt: z.string(),
  containedAt: z.string().nullable(),
  status: z.enum(INCIDENT_STATUSES),
  roles: z.array(z.enum(ROLES)),
  dataCategories: z.array(z.string()),
  /** null: not given (state rows are then marked "needs the data elements to decide"). */
  dataElements: z.array(z.enum(DATA_ELEMENTS)).nullable(),
  phi: z.boolean(),
  encrypted: z.boolean(),
  encryptionKeyCompromised: z.boolean(),
  stateHarmNotLikely: z.boolean(),
  /** Where `encrypted` came from: stated by a person/client, pre-filled from the linked assets, or the default. */
  encryptedSource: z.enum(["client", "assets", "default"]),
  riskLevel: z.enum(RISK_LEVELS),
  riskRationale: z.string(),
  hipaaAssessment: z.object({ nature: z.string(), unauthorizedPerson: z.string(), acquiredOrViewed: z.string(), mitigation: z.string() }),
  hipaaLowProbabilityOfCompromise: z.boolean(),
  affected: z.array(z.object({ jurisdiction: z.string(), count: z.number() })),
  aiSeriousIncident: z.object({ kind: z.enum(AI_INCIDENT_KINDS), system: z.string() }).nullable(),
  lawEnforcementDelay: z.object({ until: z.string(), written: z.boolean(), statedAt: z.string().nullable(), official: z.string() }).nullable(),
  /** Sector-regime facts and the HHS record categories (docs/decisions/330). */
  sector: sectorFactsSchema,
  timeZone: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  obligations: z.array(obligationSummarySchema),
  timeline: z.array(z.object({ id: z.string(), at: z.string(), action: z.string(), performedBy: z.string(), recordedBy: z.string() })),
  /** Linked inventory assets (an asset no longer in the inventory is listed by id, name "(not in the inventory)"). */
  assets: z.array(incidentAssetSchema),
});
export type IncidentDto = z.infer<typeof incidentSchema>;
