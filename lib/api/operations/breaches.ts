import { z } from "zod";
import type { Operation } from "@/lib/api/openapi";
import {
  createIncidentResponseSchema,
  createIncidentSchema,
  incidentSchema,
  markSentSchema,
  obligationSummarySchema,
  updateIncidentSchema,
} from "@/lib/validation/breaches";

const listSchema = z.object({
  items: z.array(z.object({ id: z.string(), reference: z.string(), title: z.string(), status: z.string(), discoveredAt: z.string(), totalAffected: z.number(), jurisdictions: z.array(z.string()), pending: z.number(), overdue: z.number(), obligations: z.number(), nextDue: z.object({ key: z.string(), regime: z.string(), recipient: z.string(), jurisdiction: z.string().nullable(), dueAt: z.string(), citation: z.string() }).nullable() })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const BREACH_OPERATIONS: Operation[] = [
  {
    method: "post",
    idempotent: true,
    path: "/api/v1/incidents",
    summary: "Report an incident; returns every notification obligation the deadline engine derives (Idempotency-Key supported). `assetIds` links inventory assets: each must exist (422 naming unknown ids); unless sent, `encrypted` is pre-filled true only if every linked asset holding personal data is encrypted at rest (keys must not be compromised for the safe harbour: 45 CFR 164.402, GDPR Art. 34(3)(a), Cal. Civ. Code 1798.82), and `dataCategories`/`phi`/`dataElements` from the assets' personal-data categories. `dataElements` (closed list, unknown element 422) decides the US state definitions of personal information; absent or null = not given, and state rows are then marked \"needs the data elements to decide\"",
    scopes: ["incidents:write"],
    body: createIncidentSchema,
    responses: {
      201: { description: "Created, with its obligations and linked assets", schema: createIncidentResponseSchema },
      409: { description: "The Idempotency-Key was used with another body (CONFLICT), or its first request is still being processed (IDEMPOTENCY_IN_FLIGHT: retry)" },
      422: { description: "Invalid incident, or an unknown asset id (named in the message and details)" },
    },
  },
  {
    method: "get",
    path: "/api/v1/incidents",
    summary: "The breach register, sorted by the nearest pending deadline (overdue first)",
    scopes: ["incidents:read"],
    query: z.object({ page: z.string().optional(), status: z.enum(["open", "contained", "closed"]).optional() }),
    responses: { 200: { description: "A page of incidents", schema: listSchema } },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{id}",
    summary: "One incident with its obligations (overdue and due-soon first), timeline and linked assets with their encryption at rest",
    scopes: ["incidents:read"],
    responses: { 200: { description: "The incident", schema: incidentSchema }, 404: { description: "No such incident" } },
  },
  {
    method: "patch",
    path: "/api/v1/incidents/{id}",
    summary: "Change an incident's facts; open obligations are recomputed, sent and closed ones kept (send `version` for optimistic concurrency). `assetIds` replaces the linked assets; `encrypted` is re-derived from them only when not sent and not stated earlier by a person",
    scopes: ["incidents:write"],
    body: updateIncidentSchema,
    responses: { 200: { description: "The updated incident", schema: incidentSchema }, 404: { description: "No such incident" }, 409: { description: "Stale version" }, 422: { description: "Invalid change, or an unknown asset id" } },
  },
  {
    method: "post",
    idempotent: true,
    path: "/api/v1/incidents/{id}/obligations/{obligationId}/sent",
    summary: "Record that a notice was sent; dependent deadlines (e.g. California AG) are recomputed. After the deadline the status is `late`.",
    scopes: ["incidents:write"],
    body: markSentSchema,
    responses: {
      200: { description: "The recorded notice and the incident's obligations", schema: z.object({ obligation: obligationSummarySchema, obligations: z.array(obligationSummarySchema) }) },
      404: { description: "No such incident or obligation" },
      409: { description: "Already sent or closed, or the Idempotency-Key was used with another body (CONFLICT), or its first request is still being processed (IDEMPOTENCY_IN_FLIGHT: retry)" },
    },
  },
];
