import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";

describe("OpenAPI: consent operations are described from the shared zod schemas", () => {
  const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { security: { apiKey: string[] }[]; responses: Record<string, unknown> }>> };
  it.each([
    ["/api/v1/consent/purposes", "post", "consent:write", ["201", "409", "422"]],
    ["/api/v1/consent/purposes", "get", "consent:read", ["200"]],
    ["/api/v1/consent/events", "post", "consent:write", ["201", "409", "422"]],
    ["/api/v1/consent/subjects/{subjectId}", "get", "consent:read", ["200"]],
  ])("%s %s needs %s and documents %j", (path, method, scope, statuses) => {
    const op = doc.paths[path]![method]!;
    expect(op.security).toEqual([{ apiKey: [scope] }]);
    for (const s of statuses) expect(op.responses).toHaveProperty(s);
  });
});
