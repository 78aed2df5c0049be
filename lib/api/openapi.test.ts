import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
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

  it("documents every method that a route under app/api/v1 exports", () => {
    const root = join(__dirname, "..", "..", "app", "api", "v1");
    const routes: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (n === "route.ts") {
          const path = "/api/v1/" + relative(root, d).replace(/\[(\w+)\]/g, "{$1}");
          for (const m of readFileSync(p, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) routes.push(`${m[1]!.toLowerCase()} ${path}`);
        }
      }
    };
    walk(root);
    expect(routes.length).toBeGreaterThan(20);
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)));
    // The document describes itself and the unauthenticated health check elsewhere.
    expect(routes.filter((r) => !documented.has(r) && !r.endsWith("/openapi.json"))).toEqual([]);
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
