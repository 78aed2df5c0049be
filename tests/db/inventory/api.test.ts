// The machine API, called through the real route handlers with real API keys.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listAssetsRoute, POST as createAssetRoute } from "@/app/api/v1/assets/route";
import { GET as getAssetRoute, PATCH as patchAssetRoute } from "@/app/api/v1/assets/[id]/route";
import { GET as listActivitiesRoute, POST as createActivityRoute } from "@/app/api/v1/processing-activities/route";
import { GET as getActivityRoute, PATCH as patchActivityRoute } from "@/app/api/v1/processing-activities/[id]/route";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { db } from "@/lib/server/db";
import { makeUser } from "@/lib/server/testing/factories";
import { activityInput, assetInput } from "./fixtures";

const BASE = "http://localhost/api/v1";
let writer: string;
let reader: string;
let otherWriter: string;
let auditorBoundWriter: string;

function req(path: string, key: string | null, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return new Request(`${BASE}${path}`, {
    method: init.method ?? "GET",
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
}
const noParams = { params: Promise.resolve({}) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });

beforeAll(async () => {
  writer = (await createApiKey(SYSTEM_CLI, { name: "inv writer", scopes: ["inventory:read", "inventory:write"] })).key;
  otherWriter = (await createApiKey(SYSTEM_CLI, { name: "inv writer 2", scopes: ["inventory:read", "inventory:write"] })).key;
  reader = (await createApiKey(SYSTEM_CLI, { name: "inv reader", scopes: ["inventory:read"] })).key;
  const auditor = await makeUser({ role: "auditor" });
  auditorBoundWriter = (await createApiKey(SYSTEM_CLI, { name: "auditor key", scopes: ["inventory:read", "inventory:write"], userEmail: auditor.email })).key;
});

describe("inventory API", () => {
  it("round-trips an asset: POST 201, GET, PATCH, list with filter and cursor", async () => {
    const created = await createAssetRoute(req("/assets", writer, { method: "POST", body: assetInput({ name: "API store", dataCategories: ["health"], encryptionAtRest: "none" }) }), noParams);
    expect(created.status).toBe(201);
    const a = await created.json();
    expect(a.findings.map((f: { rule: string }) => f.rule)).toContain("personal_data_not_encrypted_at_rest");
    const got = await getAssetRoute(req(`/assets/${a.id}`, reader), withId(a.id));
    expect(got.status).toBe(200);
    expect((await got.json()).name).toBe("API store");
    const patched = await patchAssetRoute(req(`/assets/${a.id}`, writer, { method: "PATCH", body: { encryptionAtRest: "provider_managed", version: 0 } }), withId(a.id));
    expect(patched.status).toBe(200);
    const p = await patched.json();
    expect(p.findings.map((f: { rule: string }) => f.rule)).not.toContain("personal_data_not_encrypted_at_rest");
    const stale = await patchAssetRoute(req(`/assets/${a.id}`, writer, { method: "PATCH", body: { name: "x", version: 0 } }), withId(a.id));
    expect(stale.status).toBe(409);
    const list = await listAssetsRoute(req(`/assets?category=health&limit=1`, reader), noParams);
    expect(list.status).toBe(200);
    const page = await list.json();
    expect(page.items).toHaveLength(1);
    expect(page).toHaveProperty("nextCursor");
  });

  it("round-trips a processing activity", async () => {
    const res = await createActivityRoute(req("/processing-activities", writer, { method: "POST", body: activityInput({ name: "API payroll" }) }), noParams);
    expect(res.status).toBe(201);
    const p = await res.json();
    const patched = await patchActivityRoute(req(`/processing-activities/${p.id}`, writer, { method: "PATCH", body: { dpiaRequired: true } }), withId(p.id));
    expect((await patched.json()).findings.map((f: { rule: string }) => f.rule)).toEqual(["dpia_not_done"]);
    expect((await getActivityRoute(req(`/processing-activities/${p.id}`, reader), withId(p.id))).status).toBe(200);
    const list = await (await listActivitiesRoute(req(`/processing-activities?q=api%20payroll`, reader), noParams)).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(p.id);
  });

  it("refuses without a key (401), without the scope (403), with the wrong role (403), and maps errors", async () => {
    expect((await listAssetsRoute(req("/assets", null), noParams)).status).toBe(401);
    const noScope = await createAssetRoute(req("/assets", reader, { method: "POST", body: assetInput() }), noParams);
    expect(noScope.status).toBe(403);
    expect((await noScope.json()).error.code).toBe("FORBIDDEN");
    expect((await createAssetRoute(req("/assets", auditorBoundWriter, { method: "POST", body: assetInput() }), noParams)).status).toBe(403);
    const invalid = await createAssetRoute(req("/assets", writer, { method: "POST", body: assetInput({ hosting: "moon" }) }), noParams);
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.details[0].path).toBe("hosting");
    expect((await createAssetRoute(req("/assets", writer, { method: "POST", body: "{not json" }), noParams)).status).toBe(400);
    expect((await getAssetRoute(req("/assets/nope", reader), withId("nope"))).status).toBe(404);
    expect((await getActivityRoute(req("/processing-activities/nope", reader), withId("nope"))).status).toBe(404);
  });

  it("Idempotency-Key: a replay returns the first response and writes once; another body is 409; another key's client cannot replay it", async () => {
    const body = assetInput({ name: `Idem ${Date.now()}` });
    const headers = { "idempotency-key": `k-${Date.now()}` };
    const first = await createAssetRoute(req("/assets", writer, { method: "POST", body, headers }), noParams);
    const second = await createAssetRoute(req("/assets", writer, { method: "POST", body, headers }), noParams);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect((await second.json()).id).toBe((await first.json()).id);
    expect(await db().dataAsset.count({ where: { name: body.name } })).toBe(1);
    const changed = await createAssetRoute(req("/assets", writer, { method: "POST", body: { ...body, name: "Other" }, headers }), noParams);
    expect(changed.status).toBe(409);
    const otherClient = await createAssetRoute(req("/assets", otherWriter, { method: "POST", body, headers }), noParams);
    expect(otherClient.status).toBe(201);
    expect(otherClient.headers.get("idempotent-replayed")).toBeNull();
    expect(await db().dataAsset.count({ where: { name: body.name } })).toBe(2);
  });

  it("is described in the OpenAPI document with its scopes", () => {
    const doc = buildOpenApiDocument();
    expect(doc.paths["/api/v1/assets"]!.get).toMatchObject({ security: [{ apiKey: ["inventory:read"] }] });
    expect(doc.paths["/api/v1/assets"]!.post).toMatchObject({ security: [{ apiKey: ["inventory:write"] }] });
    expect(doc.paths["/api/v1/assets/{id}"]!.patch).toMatchObject({ security: [{ apiKey: ["inventory:write"] }] });
    expect(doc.paths["/api/v1/processing-activities"]!.post).toBeDefined();
    expect(doc.paths["/api/v1/processing-activities/{id}"]!.get).toBeDefined();
  });
});
