import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOne, PATCH } from "@/app/api/v1/incidents/[id]/route";
import { POST as sent } from "@/app/api/v1/incidents/[id]/obligations/[obligationId]/sent/route";
import { POST as create } from "@/app/api/v1/incidents/route";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { db } from "@/lib/server/db";

let writeKey = "";
let readKey = "";
beforeAll(async () => {
  writeKey = (await createApiKey(SYSTEM_CLI, { name: "breach-writer", scopes: ["incidents:write"] })).key;
  readKey = (await createApiKey(SYSTEM_CLI, { name: "breach-reader", scopes: ["incidents:read"] })).key;
});

const req = (method: string, path: string, key: string, body?: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, { method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

const SCENARIO = {
  title: "Ransomware on the billing server",
  discoveredAt: "2026-03-02T10:00:00Z",
  phi: true,
  affected: [{ jurisdiction: "US-CA", count: 501 }, { jurisdiction: "US-TX", count: 20 }],
};

describe("/api/v1/incidents", () => {
  it("POST returns 201 { id, obligations[] } in the documented shape; GET, PATCH and .../sent work on it", async () => {
    const res = await create(req("POST", "/api/v1/incidents", writeKey, SCENARIO), params({}));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; obligations: Record<string, unknown>[] };
    expect(typeof body.id).toBe("string");
    const byKey = Object.fromEntries(body.obligations.map((o) => [o.key as string, o]));
    // 45 CFR 164.404(b), 164.406 (501 > 500 in California), 164.408(b) (521 >= 500): day 60 = 1 May.
    expect(byKey["HIPAA:individuals"]).toMatchObject({ dueAt: "2026-05-01T23:59:59.999Z", citation: "45 CFR 164.404(b)", status: "open" });
    expect(byKey["HIPAA:media:US-CA"]).toMatchObject({ dueAt: "2026-05-01T23:59:59.999Z" });
    expect(byKey["HIPAA:hhs"]).toMatchObject({ citation: "45 CFR 164.408(b)" });
    expect(byKey["HIPAA:media:US-TX"]).toBeUndefined();
    const ca = byKey["US-CA:individuals"]!;
    const ag = byKey["US-CA:attorney_general"]!;
    expect(ag).toMatchObject({ dueAt: null, dependsOn: ca.id });
    for (const o of body.obligations) for (const k of ["id", "regime", "recipient", "dueAt", "dueRule", "citation", "status"]) expect(o).toHaveProperty(k);

    const got = await getOne(req("GET", `/api/v1/incidents/${body.id}`, readKey), params({ id: body.id }));
    expect(got.status).toBe(200);
    expect(((await got.json()) as { obligations: unknown[] }).obligations).toHaveLength(body.obligations.length);

    const marked = await sent(req("POST", "/x", writeKey, { sentAt: "2026-03-10T17:00:00Z", reference: "CA-1" }), params({ id: body.id, obligationId: ca.id as string }));
    expect(marked.status).toBe(200);
    const after = (await marked.json()) as { obligation: { status: string }; obligations: { id: string; dueAt: string | null }[] };
    expect(after.obligation.status).toBe("sent");
    expect(after.obligations.find((o) => o.id === ag.id)?.dueAt).toBe("2026-03-25T23:59:59.999Z");

    const patched = await PATCH(req("PATCH", "/x", writeKey, { hipaaLowProbabilityOfCompromise: true }), params({ id: body.id }));
    expect(patched.status).toBe(200);
    const p = (await patched.json()) as { obligations: { regime: string }[] };
    expect(p.obligations.some((o) => o.regime === "HIPAA")).toBe(false); // 164.402(2): no breach, open HIPAA rows removed
  });

  it("refuses a read-only key (403), bad JSON (400), invalid facts (422), an unknown id (404), and replays an Idempotency-Key", async () => {
    expect((await create(req("POST", "/api/v1/incidents", readKey, SCENARIO), params({}))).status).toBe(403);
    const bad = new Request("http://localhost/api/v1/incidents", { method: "POST", headers: { authorization: `Bearer ${writeKey}` }, body: "{not json" });
    expect((await create(bad, params({}))).status).toBe(400);
    const invalid = await create(req("POST", "/api/v1/incidents", writeKey, { ...SCENARIO, discoveredAt: "yesterday" }), params({}));
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe("discoveredAt");
    expect((await getOne(req("GET", "/x", readKey), params({ id: "missing" }))).status).toBe(404);
    expect((await create(req("POST", "/api/v1/incidents", "ocd_wrong", SCENARIO), params({}))).status).toBe(401);

    const before = await db().incident.count();
    const first = await create(req("POST", "/api/v1/incidents", writeKey, SCENARIO, { "idempotency-key": "abc-1" }), params({}));
    const second = await create(req("POST", "/api/v1/incidents", writeKey, SCENARIO, { "idempotency-key": "abc-1" }), params({}));
    expect(second.status).toBe(201);
    expect(((await second.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    expect(await db().incident.count()).toBe(before + 1);
  });

  it("is described in the OpenAPI document", () => {
    const doc = buildOpenApiDocument();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/incidents", "/api/v1/incidents/{id}", "/api/v1/incidents/{id}/obligations/{obligationId}/sent"]));
    expect(doc.paths["/api/v1/incidents"]!.post).toMatchObject({ security: [{ apiKey: ["incidents:write"] }] });
  });
});
