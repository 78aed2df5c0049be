// Request/response schemas of the machine API. The OpenAPI document is generated from
// these, and handlers parse with them, so the two cannot drift.
import { z } from "zod";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "VALIDATION" }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

export const healthSchema = z
  .object({ status: z.literal("ok"), database: z.enum(["sqlite", "postgresql"]) })
  .meta({ id: "Health" });

export const auditEventSchema = z
  .object({
    id: z.number().int().meta({ description: "the order events were written in; the cursor of `before`" }),
    seq: z.number().int().nullable().meta({ description: "the event's place in the signed log (leaf index + 1); null until sealed, within seconds" }),
    at: z.iso.datetime(),
    actorType: z.string(),
    actorLabel: z.string().nullable(),
    action: z.string(),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    diff: z.string().nullable(),
    ip: z.string().nullable(),
    hash: z.string().nullable().meta({ description: "the leaf hash once sealed (older events: their chain hash)" }),
    leafHash: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });

export const auditListSchema = z
  .object({ events: z.array(auditEventSchema), nextBefore: z.number().int().nullable() })
  .meta({ id: "AuditEventPage" });

export const auditQuerySchema = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  entity: z.string().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
