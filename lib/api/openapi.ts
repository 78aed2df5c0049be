// Builds the OpenAPI 3.1 document from the zod schemas (zod 4 emits JSON Schema
// 2020-12, which is OpenAPI 3.1's dialect). Each area lists its operations in
// lib/api/operations/<area>.ts, collected by lib/api/operations/registry.ts.
import { z } from "zod";
import { errorSchema } from "@/lib/api/schemas";
import { OPERATIONS } from "@/lib/api/operations/registry";
import { DEFAULT_BODY_LIMIT } from "@/lib/api/read-json";

/**
 * One /api/v1 operation, declared once: the route handler (lib/server/api/route.ts), this
 * document, body parsing with its cap, validation, rate limiting and idempotency all read it.
 */
export type Operation = {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  /** Scopes the key needs; empty = no authentication (public). */
  scopes: string[];
  query?: z.ZodObject;
  body?: z.ZodType;
  /**
   * "handler": `body` documents the body, but the handler validates it itself (the consent
   * batch names every bad event by its index, which one zod failure at the edge cannot).
   */
  bodyValidatedBy?: "handler";
  /** Largest accepted body in bytes (default DEFAULT_BODY_LIMIT); larger is a 413 before buffering. */
  bodyLimit?: number;
  /** Per-key budget (lib/server/api/with-api-key.ts RATE_LIMITS); default "standard". */
  rateLimit?: "standard" | "highVolume";
  /** Accepts an Idempotency-Key: a retry replays the first answer, never writes twice. */
  idempotent?: boolean;
  /** A response's `contentType` is set when it is not JSON (the metrics endpoint's text). */
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
};

const jsonSchema = (s: z.ZodType) => z.toJSONSchema(s, { target: "draft-2020-12", io: "output", unrepresentable: "any" });
const errorContent = () => ({ "application/json": { schema: jsonSchema(errorSchema) } });

/** e.g. post /api/v1/incidents/{id}/obligations/{obligationId}/sent -> postIncidentsIdObligationsObligationIdSent */
export function operationId(op: Pick<Operation, "method" | "path">): string {
  const words = op.path.replace(/^\/api\/v1\//, "").split(/[^A-Za-z0-9]+/).filter(Boolean);
  return op.method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

export function buildOpenApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      // A non-JSON body (the metrics endpoint's text) is declared by its content type alone.
      const content = r.contentType ? { [r.contentType]: { schema: { type: "string" } } } : r.schema ? { "application/json": { schema: jsonSchema(r.schema) } } : null;
      responses[status] = { description: r.description, ...(content ? { content } : {}) };
    }
    if (op.body) {
      responses["413"] ??= { description: `The body is larger than ${op.bodyLimit ?? DEFAULT_BODY_LIMIT} bytes`, content: errorContent() };
      responses["400"] ??= { description: "The body is not valid JSON", content: errorContent() };
    }
    if (op.body || op.query) responses["422"] ??= { description: "A field is invalid (named in the message and details)", content: errorContent() };
    if (op.scopes.length) {
      responses["401"] = { description: "Missing or invalid API key", content: { "application/json": { schema: jsonSchema(errorSchema) } } };
      responses["403"] = { description: "The key lacks a scope or its user lacks the permission", content: { "application/json": { schema: jsonSchema(errorSchema) } } };
      responses["429"] = { description: "Rate limited; see Retry-After", content: { "application/json": { schema: jsonSchema(errorSchema) } } };
    }
    responses["503"] ??= { description: "The database was too busy to finish in time; nothing was written. Retry after Retry-After seconds", content: errorContent() };
    // Path parameters come from the {name} segments of the path itself.
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    const queryParams = op.query
      ? Object.entries(op.query.shape).map(([name, s]) => ({
          name,
          in: "query",
          required: !(s as z.ZodType).safeParse(undefined).success,
          schema: z.toJSONSchema(s as z.ZodType, { target: "draft-2020-12", io: "input", unrepresentable: "any" }),
        }))
      : [];
    const headerParams = op.idempotent ? [{ name: "Idempotency-Key", in: "header", required: false, description: "1-200 printable ASCII characters; a retry with the same key and body replays the first answer", schema: { type: "string" } }] : [];
    const parameters = pathParams.length || queryParams.length || headerParams.length ? [...pathParams, ...queryParams, ...headerParams] : undefined;
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      operationId: operationId(op),
      "x-rate-limit-class": op.rateLimit ?? "standard",
      ...(op.body ? { "x-body-limit-bytes": op.bodyLimit ?? DEFAULT_BODY_LIMIT } : {}),
      ...(op.scopes.length ? { security: [{ apiKey: op.scopes }] } : { security: [] }),
      ...(parameters ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Compliance & Oversight Dashboard API",
      version: "1.0.0",
      description: "Machine API. Authenticate with `Authorization: Bearer <key>`; keys carry scopes and may be bound to a user whose role also limits them. Errors are `{ error: { code, message, details? } }`.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key created by an admin (Admin > API keys, or `npm run admin -- apikey:create`)." } },
    },
    paths,
  };
}
