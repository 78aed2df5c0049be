import type { Operation } from "@/lib/api/openapi";
import { auditListSchema, auditQuerySchema, healthSchema } from "@/lib/api/schemas";
import { consistencyProofSchema, consistencyQuerySchema, inclusionProofSchema, publicKeysSchema, treeHeadPageSchema, treeHeadQuerySchema } from "@/lib/api/audit-schemas";

export const FOUNDATION_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This document (OpenAPI 3.1), built from the same declarations the route handlers run on",
    scopes: [],
    responses: { 200: { description: "The OpenAPI document" } },
  },
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
  {
    method: "get",
    path: "/api/v1/audit/events/{seq}/proof",
    summary: "An event, its leaf hash and its inclusion proof against the newest signed tree head (RFC 9162)",
    scopes: ["audit:read"],
    responses: {
      200: { description: "The proof and the head it is against", schema: inclusionProofSchema },
      404: { description: "No sealed event with this seq" },
    },
  },
  {
    method: "get",
    path: "/api/v1/audit/tree-heads",
    summary: "Signed tree heads, oldest first, by tree size or time",
    scopes: ["audit:read"],
    query: treeHeadQuerySchema,
    responses: { 200: { description: "A page of signed heads", schema: treeHeadPageSchema } },
  },
  {
    method: "get",
    path: "/api/v1/audit/consistency",
    summary: "A consistency proof between two tree sizes (RFC 9162 2.1.4)",
    scopes: ["audit:read"],
    query: consistencyQuerySchema,
    responses: { 200: { description: "The proof, both roots and the signed heads of those sizes where they exist", schema: consistencyProofSchema } },
  },
  {
    method: "get",
    path: "/api/v1/audit/public-key",
    summary: "The Ed25519 public key(s) that sign the audit log's tree heads (no authentication: anyone may verify)",
    scopes: [],
    responses: { 200: { description: "The current key and the retired ones", schema: publicKeysSchema } },
  },
];
