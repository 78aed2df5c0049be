import { z } from "zod";
import type { Operation } from "@/lib/api/openapi";
import { createWebhookSchema, webhookCreatedSchema, webhookEndpointSchema, webhookListSchema } from "@/lib/validation/webhooks";

const SIGNING = "Deliveries are POSTed with X-Oversight-Timestamp, X-Oversight-Signature (v1=hex HMAC-SHA-256(secret, timestamp.body)), X-Oversight-Delivery and X-Oversight-Event (docs/decisions/610).";

export const WEBHOOK_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/webhooks",
    summary: `Register a webhook endpoint for some event types; returns the signing secret once. ${SIGNING}`,
    scopes: ["webhooks:manage"],
    body: createWebhookSchema,
    responses: { 201: { description: "Registered", schema: webhookCreatedSchema }, 403: { description: "Not an admin's key" }, 422: { description: "Unknown event types (named), or a URL that is not https to a public address" } },
  },
  {
    method: "get",
    path: "/api/v1/webhooks",
    summary: "Webhook endpoints (without secrets) with their delivery counts",
    scopes: ["webhooks:manage"],
    responses: { 200: { description: "The endpoints", schema: webhookListSchema } },
  },
  {
    method: "get",
    path: "/api/v1/webhooks/{id}",
    summary: "One webhook endpoint (without its secret)",
    scopes: ["webhooks:manage"],
    responses: { 200: { description: "The endpoint", schema: webhookEndpointSchema }, 404: { description: "No such endpoint" } },
  },
  {
    method: "delete",
    path: "/api/v1/webhooks/{id}",
    summary: "Remove a webhook endpoint: nothing more is sent to it and its pending deliveries are cancelled",
    scopes: ["webhooks:manage"],
    responses: { 200: { description: "Removed", schema: z.object({ id: z.string(), deleted: z.literal(true) }) }, 404: { description: "No such endpoint" } },
  },
  {
    method: "post",
    path: "/api/v1/webhooks/{id}/test",
    summary: "Queue a webhook.test event to this endpoint (delivered by the job like any other)",
    scopes: ["webhooks:manage"],
    responses: { 202: { description: "Queued", schema: z.object({ deliveryId: z.string() }) }, 404: { description: "No such endpoint" } },
  },
];
