import type { Operation } from "@/lib/api/openapi";
import { auditListSchema, auditQuerySchema, healthSchema } from "@/lib/api/schemas";

export const FOUNDATION_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/health",
    summary: "Liveness and database dialect",
    scopes: [],
    responses: { 200: { description: "The app and its database answer", schema: healthSchema } },
  },
  {
    method: "get",
    path: "/api/v1/audit/events",
    summary: "Audit events, newest first, keyset-paginated by seq",
    scopes: ["audit:read"],
    query: auditQuerySchema,
    responses: { 200: { description: "A page of events", schema: auditListSchema } },
  },
];
