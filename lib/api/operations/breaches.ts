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
    path: "/api/v1/incidents",
    summary: "Report an incident; returns every notification obligation the deadline engine derives (Idempotency-Key supported)",
    scopes: ["incidents:write"],
    body: createIncidentSchema,
    responses: { 201: { description: "Created, with its obligations", schema: createIncidentResponseSchema }, 422: { description: "Invalid incident" } },
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
    summary: "One incident with its obligations (overdue and due-soon first) and timeline",
    scopes: ["incidents:read"],
    responses: { 200: { description: "The incident", schema: incidentSchema }, 404: { description: "No such incident" } },
  },
  {
    method: "patch",
    path: "/api/v1/incidents/{id}",
    summary: "Change an incident's facts; open obligations are recomputed, sent and closed ones kept (send `version` for optimistic concurrency)",
    scopes: ["incidents:write"],
    body: updateIncidentSchema,
    responses: { 200: { description: "The updated incident", schema: incidentSchema }, 404: { description: "No such incident" }, 409: { description: "Stale version" }, 422: { description: "Invalid change" } },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{id}/obligations/{obligationId}/sent",
    summary: "Record that a notice was sent; dependent deadlines (e.g. California AG) are recomputed. After the deadline the status is `late`.",
    scopes: ["incidents:write"],
    body: markSentSchema,
    responses: {
      200: { description: "The recorded notice and the incident's obligations", schema: z.object({ obligation: obligationSummarySchema, obligations: z.array(obligationSummarySchema) }) },
      404: { description: "No such incident or obligation" },
      409: { description: "Already sent or closed" },
    },
  },
];
