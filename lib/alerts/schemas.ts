// Alerts' API shapes, shared by the route, the page and the OpenAPI document.
import { z } from "zod";

export const ALERT_STATUSES = ["open", "acknowledged"] as const;

export const alertQuerySchema = z.object({
  status: z.enum(ALERT_STATUSES).optional(),
  before: z.string().max(40).optional().meta({ description: "cursor: the `nextBefore` of the previous page" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AlertQuery = z.infer<typeof alertQuerySchema>;

export const alertSchema = z.object({
  id: z.string(),
  rule: z.string(),
  severity: z.enum(["low", "medium", "high"]),
  subjectType: z.string(),
  subjectId: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  summary: z.string(),
  evidence: z.object({ ids: z.array(z.number().int()), seqs: z.array(z.number().int()), count: z.number().int() }).loose(),
  status: z.enum(ALERT_STATUSES),
  ackComment: z.string().nullable(),
  ackById: z.string().nullable(),
  ackAt: z.string().nullable(),
  createdAt: z.string(),
});
export const alertPageSchema = z.object({ alerts: z.array(alertSchema), nextBefore: z.string().nullable() });

export const acknowledgeSchema = z.object({ comment: z.string().trim().min(3, "comment must say what was checked (at least 3 characters)").max(2000) });
