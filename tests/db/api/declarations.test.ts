// Every /api/v1 route is declared once (lib/api/operations) and made by lib/server/api/route.ts
// from that declaration: a route file without a declaration, a declaration without a route,
// or a handler written by hand fails here. The response check is shown to bite, and the body
// cap is shown to refuse an endless body without reading it whole.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Operation } from "@/lib/api/openapi";
import { OPERATIONS } from "@/lib/api/operations/registry";
import { DEFAULT_BODY_LIMIT } from "@/lib/api/read-json";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { DECLARED } from "@/lib/server/api/route";
import { checkResponseContract } from "@/lib/server/api/response-contract";
import { POST as createIncident } from "@/app/api/v1/incidents/route";
import { POST as ingest } from "@/app/api/v1/consent/events/route";

const ROOT = join(process.cwd(), "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? routeFiles(p) : name === "route.ts" ? [p] : [];
  });
}

/** app/api/v1/incidents/[id]/route.ts -> /api/v1/incidents/{id} */
function pathOf(file: string): string {
  const rel = relative(join(process.cwd(), "app"), file).replace(/\/route\.ts$/, "");
  return "/" + rel.replace(/\[(\w+)\]/g, "{$1}");
}

describe("route declarations", () => {
  const files = routeFiles(ROOT);

  it("finds the route files", () => expect(files.length).toBeGreaterThan(20));

  it("every exported handler is made from the declaration of its own method and path", async () => {
    const seen = new Set<string>();
    for (const file of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) {
        const handler = mod[method] as ({ [DECLARED]?: Operation } & object) | undefined;
        if (!handler) continue;
        const op = handler[DECLARED];
        expect(op, `${relative(process.cwd(), file)} ${method} is not made by apiRoute/publicApiRoute`).toBeDefined();
        expect(`${op!.method} ${op!.path}`).toBe(`${method.toLowerCase()} ${pathOf(file)}`);
        seen.add(`${op!.method} ${op!.path}`);
      }
    }
    const undeclaredRoutes = OPERATIONS.map((o) => `${o.method} ${o.path}`).filter((k) => !seen.has(k));
    expect(undeclaredRoutes, "declared operations without a route handler").toEqual([]);
  });

  it("declares every operation once", () => {
    const keys = OPERATIONS.map((o) => `${o.method} ${o.path}`);
    expect(keys.length).toBe(new Set(keys).size);
  });
});

describe("response contract (on under tests)", () => {
  const op: Operation = { method: "get", path: "/x", summary: "x", scopes: [], responses: { 200: { description: "ok", schema: z.object({ id: z.string() }) } } };

  it("passes a declared status with a matching body", async () => {
    expect((await checkResponseContract(op, Response.json({ id: "a" }))).status).toBe(200);
  });
  it("turns a body its schema refuses into a 500 naming the field", async () => {
    const res = await checkResponseContract(op, Response.json({ id: 1 }));
    expect(res.status).toBe(500);
    expect((await res.json()).error.message).toMatch(/GET \/x: status 200 body does not match its schema at id/);
  });
  it("turns an undeclared success status into a 500; error statuses pass", async () => {
    expect((await checkResponseContract(op, Response.json({ id: "a" }, { status: 201 }))).status).toBe(500);
    expect((await checkResponseContract(op, Response.json({ error: {} }, { status: 422 }))).status).toBe(422);
  });
});

describe("body caps and declared validation", () => {
  let key = "";
  beforeAll(async () => {
    key = (await createApiKey(SYSTEM_CLI, { name: "body caps", scopes: ["incidents:write", "consent:write"] })).key;
  });
  const headers = () => ({ authorization: `Bearer ${key}`, "content-type": "application/json" });

  it("refuses a Content-Length over the cap with 413 before reading", async () => {
    let pulled = 0;
    const body = new ReadableStream({ pull: (c) => { pulled++; c.enqueue(new Uint8Array(1024)); } });
    const req = new Request("http://localhost/api/v1/incidents", { method: "POST", headers: { ...headers(), "content-length": String(10_000_000) }, body, duplex: "half" } as RequestInit);
    const res = await createIncident(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining(String(DEFAULT_BODY_LIMIT)) });
    expect(pulled).toBeLessThan(3);
  });

  it("cuts off an endless chunked body just past the cap", async () => {
    let sent = 0;
    const body = new ReadableStream({ pull: (c) => { sent += 64 * 1024; c.enqueue(new Uint8Array(64 * 1024).fill(32)); } });
    const req = new Request("http://localhost/api/v1/incidents", { method: "POST", headers: headers(), body, duplex: "half" } as RequestInit);
    const res = await createIncident(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(DEFAULT_BODY_LIMIT + 4 * 64 * 1024);
  });

  it("lets the consent ingest declare a larger cap, and still refuses past it", async () => {
    const big = JSON.stringify({ events: [{ subjectId: "x".repeat(2_100_000), purpose: "p", action: "grant" }] });
    const res = await ingest(new Request("http://localhost/api/v1/consent/events", { method: "POST", headers: headers(), body: big }), { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
  });

  it("validates the body against the declared schema with a 422 naming the field, writing nothing", async () => {
    const res = await createIncident(new Request("http://localhost/api/v1/incidents", { method: "POST", headers: headers(), body: JSON.stringify({ title: 5 }) }), { params: Promise.resolve({}) });
    expect(res.status).toBe(422);
    const err = (await res.json()).error;
    expect(err.code).toBe("VALIDATION");
    expect(JSON.stringify(err.details)).toContain("title");
  });

  it("names every bad event of a refused consent batch by its index, not only the first schema failure", async () => {
    // The e2e client relies on details[].index; validating the declared schema at the edge
    // reported one path and no index once.
    const events = [{ subjectId: "s-1", purpose: "p-unknown-" + Date.now(), action: "grant" }, { subjectId: "s-1", purpose: "x", action: "perhaps" }, {}];
    const res = await ingest(new Request("http://localhost/api/v1/consent/events", { method: "POST", headers: headers(), body: JSON.stringify({ events }) }), { params: Promise.resolve({}) });
    expect(res.status).toBe(422);
    const details = (await res.json()).error.details as { index: number; reason: string }[];
    expect(details.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(details.every((d) => typeof d.reason === "string" && d.reason.length > 0)).toBe(true);
  });

  it("answers a route without dynamic segments called with no context, as a production build calls it", async () => {
    // The production server passes no `params` to such a route: the write committed and the
    // answer was a 500 once (every POST in the two-instance harness).
    const title = `no-context ${Date.now()}`;
    const req = new Request("http://localhost/api/v1/incidents", { method: "POST", headers: headers(), body: JSON.stringify({ title, discoveredAt: "2031-05-04T10:00:00Z", affected: [{ jurisdiction: "DE", count: 3 }] }) });
    const res = await (createIncident as unknown as (r: Request, c?: unknown) => Promise<Response>)(req, undefined);
    expect(res.status).toBe(201);
    expect((await res.json()).reference).toMatch(/^INC-2031-/);
  });
});
