import type { Operation } from "@/lib/api/openapi";
import { acknowledgeSchema, alertPageSchema, alertQuerySchema, alertSchema } from "@/lib/alerts/schemas";

// Monitoring and anomaly alerts (docs/decisions/008).
export const OPS_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/metrics",
    summary: "Prometheus metrics (text format 0.0.4): requests and latencies per route, consent ingest, job runs, the audit log's unsealed tail, process",
    scopes: ["metrics:read"],
    responses: { 200: { description: "Metrics in the Prometheus text exposition format", contentType: "text/plain; version=0.0.4" } },
  },
  {
    method: "get",
    path: "/api/v1/alerts",
    summary: "Anomaly alerts, newest first, paginated by cursor, optionally by status",
    scopes: ["alerts:read"],
    query: alertQuerySchema,
    responses: { 200: { description: "A page of alerts", schema: alertPageSchema } },
  },
  {
    method: "post",
    path: "/api/v1/alerts/{id}/acknowledge",
    summary: "Acknowledge an open alert with a comment (audited)",
    scopes: ["alerts:write"],
    body: acknowledgeSchema,
    bodyLimit: 16_000,
    responses: {
      200: { description: "The acknowledged alert", schema: alertSchema },
      404: { description: "No alert with this id" },
      409: { description: "Already acknowledged" },
      422: { description: "Missing or invalid comment" },
    },
  },
];
