import { z } from "zod";
import { archiveOperations } from "@/lib/api/lifecycle";
import type { Operation } from "@/lib/api/openapi";
import { errorSchema } from "@/lib/api/schemas";
import { consentEventsBodySchema, consentIngestResultSchema, consentPurposeSchema, consentSubjectStateSchema, createPurposeSchema } from "@/lib/validation/consent";

export const CONSENT_OPERATIONS: Operation[] = [
  {
    method: "post",
    idempotent: true,
    path: "/api/v1/consent/purposes",
    summary: "Create a consent purpose, optionally with its first notice text (hashed and dated). Honours Idempotency-Key.",
    scopes: ["consent:write"],
    body: createPurposeSchema,
    responses: {
      201: { description: "The purpose", schema: consentPurposeSchema },
      409: { description: "A purpose with this key exists, or the Idempotency-Key was used with another body (CONFLICT), or its first request is still being processed (IDEMPOTENCY_IN_FLIGHT: retry)", schema: errorSchema },
      422: { description: "Invalid fields", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/consent/purposes",
    summary: "Every consent purpose with its notice versions",
    scopes: ["consent:read"],
    responses: { 200: { description: "The purposes", schema: z.object({ purposes: z.array(consentPurposeSchema) }) } },
  },
  {
    method: "post",
    idempotent: true,
    path: "/api/v1/consent/events",
    rateLimit: "highVolume",
    // A batch of up to 1,000 events with their notice texts; anything larger is a 413.
    bodyLimit: 2_000_000,
    summary:
      "Record one consent event, or { events: [...] } with up to 1,000, atomically. A bad batch is refused whole (422, details list the index and reason of every bad event). `Sec-GPC: 1` or `gpc: true` records an opt-out of every sale/sharing purpose. Idempotency-Key: same key and body returns the original response; another body is 409.",
    scopes: ["consent:write"],
    body: consentEventsBodySchema,
    bodyValidatedBy: "handler",
    responses: {
      201: { description: "Every event recorded", schema: consentIngestResultSchema },
      400: { description: "The body is not JSON", schema: errorSchema },
      409: { description: "Idempotency-Key reused with a different body", schema: errorSchema },
      422: { description: "Invalid events; details: [{ index, reason }]; nothing was recorded", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/consent/subjects/{subjectId}",
    rateLimit: "highVolume",
    summary: "Current consent state of a subject for every purpose; an unknown subject gets every purpose as `none` (never 404)",
    scopes: ["consent:read"],
    responses: { 200: { description: "The subject's state per purpose", schema: consentSubjectStateSchema } },
  },
  ...archiveOperations("/api/v1/consent/purposes", "consent purpose", ["consent:write"]),
];
