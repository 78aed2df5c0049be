// The registry API with inventory links, through the real route handlers and real keys.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createSystemRoute } from "@/app/api/v1/ai-systems/route";
import { GET as getSystemRoute, PATCH as patchSystemRoute } from "@/app/api/v1/ai-systems/[id]/route";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey, createOwnApiKey } from "@/lib/server/api-keys/create-api-key";
import { db } from "@/lib/server/db";
import { createActivity } from "@/lib/server/inventory/activities";
import { createAsset } from "@/lib/server/inventory/assets";
import { aiSystemsUsingInventoryRecord } from "@/lib/server/oversight/links";
import { actorFor, actorOf, makeUser } from "@/lib/server/testing/factories";
import { activityInput, assetInput } from "../inventory/fixtures";
import { uid } from "./helpers";

const BASE = "http://localhost/api/v1";
function req(path: string, key: string | null, init: { method?: string; body?: unknown } = {}) {
  return new Request(`${BASE}${path}`, {
    method: init.method ?? "GET",
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
const noParams = { params: Promise.resolve({}) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });

let mlops: string;
let reviewerKey: string;
let inventoryKey: string;
let assetId: string;
let asset2Id: string;
let activityId: string;

beforeAll(async () => {
  const officer = await makeUser({ role: "compliance_officer", mfaEnrolled: true });
  const reviewer = await makeUser({ role: "reviewer" });
  mlops = (await createApiKey(SYSTEM_CLI, { name: uid("mlops"), scopes: ["oversight:admin"], userEmail: officer.email })).key;
  reviewerKey = (await createOwnApiKey(await actorOf(reviewer.email), { name: uid("rev"), scopes: ["decisions:review"] })).key;
  inventoryKey = (await createApiKey(SYSTEM_CLI, { name: uid("inv"), scopes: ["inventory:read", "inventory:write"], userEmail: officer.email })).key;
  const o = await actorFor("compliance_officer");
  assetId = (await createAsset(o, assetInput({ name: uid("Claims store") }))).id;
  asset2Id = (await createAsset(o, assetInput({ name: uid("Claims archive") }))).id;
  activityId = (await createActivity(o, activityInput({ name: uid("Claims handling") }))).id;
});

describe("AI system links through the API", () => {
  it("POST with links (201), GET and PATCH return assetIds and processingActivityIds; the asset sees the system", async () => {
    const name = uid("Claims triage");
    const created = await createSystemRoute(req("/ai-systems", mlops, { method: "POST", body: { name, purpose: "Routes insurance claims", riskTier: "high", assetIds: [assetId] } }), noParams);
    expect(created.status).toBe(201);
    const s = await created.json();
    expect(s).toMatchObject({ name, assetIds: [assetId], processingActivityIds: [] });
    expect(s.callbackSecret).toMatch(/^whsec_/);

    const patched = await patchSystemRoute(req(`/ai-systems/${s.id}`, mlops, { method: "PATCH", body: { processingActivityIds: [activityId], assetIds: [assetId, asset2Id], owner: "Claims ops" } }), withId(s.id));
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ id: s.id, owner: "Claims ops", assetIds: [assetId, asset2Id].sort(), processingActivityIds: [activityId] });

    const got = await getSystemRoute(req(`/ai-systems/${s.id}`, mlops), withId(s.id));
    expect(got.status).toBe(200);
    const view = await got.json();
    expect(view).toMatchObject({ assetIds: [assetId, asset2Id].sort(), processingActivityIds: [activityId], versions: [], policy: null });

    const auditor = await actorFor("auditor");
    expect((await aiSystemsUsingInventoryRecord(auditor, "asset", asset2Id)).map((x) => x.id)).toContain(s.id);
    const events = await db().auditEvent.findMany({ where: { entityId: s.id, action: "oversight.system.links" } });
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.actorType === "api_key")).toBe(true);
  });

  it("unknown ids: 422 naming them, nothing written", async () => {
    const name = uid("Bad links");
    const res = await createSystemRoute(req("/ai-systems", mlops, { method: "POST", body: { name, purpose: "x", riskTier: "minimal", assetIds: [assetId, "asset-that-is-not"] } }), noParams);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.details).toEqual([{ path: "assetIds", message: "unknown asset id(s): asset-that-is-not" }]);
    expect(await db().aiSystem.count({ where: { name } })).toBe(0);

    const s = await (await createSystemRoute(req("/ai-systems", mlops, { method: "POST", body: { name: uid("Good"), purpose: "x", riskTier: "minimal" } }), noParams)).json();
    const patch = await patchSystemRoute(req(`/ai-systems/${s.id}`, mlops, { method: "PATCH", body: { processingActivityIds: ["pa-missing"], deploymentStatus: "production" } }), withId(s.id));
    expect(patch.status).toBe(422);
    expect((await patch.json()).error.message).toContain("pa-missing");
    expect((await db().aiSystem.findUniqueOrThrow({ where: { id: s.id } })).deploymentStatus).toBe("development");
  });

  it("refuses a reviewer's review key (403), a key without oversight:admin (403), no key (401); unknown system 404", async () => {
    const s = await (await createSystemRoute(req("/ai-systems", mlops, { method: "POST", body: { name: uid("Locked"), purpose: "x", riskTier: "minimal" } }), noParams)).json();
    expect((await patchSystemRoute(req(`/ai-systems/${s.id}`, reviewerKey, { method: "PATCH", body: { assetIds: [assetId] } }), withId(s.id))).status).toBe(403);
    expect((await patchSystemRoute(req(`/ai-systems/${s.id}`, inventoryKey, { method: "PATCH", body: { assetIds: [assetId] } }), withId(s.id))).status).toBe(403);
    expect((await patchSystemRoute(req(`/ai-systems/${s.id}`, null, { method: "PATCH", body: { assetIds: [assetId] } }), withId(s.id))).status).toBe(401);
    expect(await db().aiSystemAsset.count({ where: { aiSystemId: s.id } })).toBe(0);
    expect((await getSystemRoute(req(`/ai-systems/nope`, mlops), withId("nope"))).status).toBe(404);
  });

  it("the OpenAPI document describes GET and PATCH /api/v1/ai-systems/{id} with the link fields", () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const path = doc.paths["/api/v1/ai-systems/{id}"]!;
    expect(Object.keys(path)).toEqual(expect.arrayContaining(["get", "patch"]));
    expect(JSON.stringify(doc)).toContain("processingActivityIds");
  });
});
