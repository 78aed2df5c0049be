import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { OPERATIONS } from "./operations/registry";

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument() as { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string; in: string; required: boolean }[]; security: unknown[]; responses: Record<string, unknown> }>> };

  it("is OpenAPI 3.1 and lists every registered operation once", () => {
    expect(doc.openapi).toBe("3.1.0");
    const listed = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(listed.sort()).toEqual(OPERATIONS.map((o) => `${o.method} ${o.path}`).sort());
  });

  it("declares every {param} of a path as a required path parameter", () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops)) {
        for (const n of names) expect(op.parameters).toContainEqual(expect.objectContaining({ name: n, in: "path", required: true }));
      }
    }
  });

  it("every authenticated operation documents 401, 403 and 429", () => {
    for (const ops of Object.values(doc.paths)) for (const op of Object.values(ops)) {
      if (op.security.length) for (const s of ["401", "403", "429"]) expect(op.responses).toHaveProperty(s);
    }
  });
});
