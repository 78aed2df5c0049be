// Attack: text PostgreSQL cannot store (NUL), text that is not Unicode (a lone surrogate)
// and JSON nested 10,000 deep, sent to several routes. Each must be a 422 naming the field,
// never a 5xx, and nothing may be written.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postAsset } from "@/app/api/v1/assets/route";
import { PATCH as patchSystem } from "@/app/api/v1/ai-systems/[id]/route";
import { POST as postPurpose } from "@/app/api/v1/consent/purposes/route";
import { POST as postDecision } from "@/app/api/v1/decisions/route";
import { POST as postIncident } from "@/app/api/v1/incidents/route";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey, createOwnApiKey } from "@/lib/server/api-keys/create-api-key";
import { db } from "@/lib/server/db";
import { createAsset } from "@/lib/server/inventory/assets";
import { actorFor, actorOf, makeUser } from "@/lib/server/testing/factories";
import { assetInput } from "../inventory/fixtures";
import { decisionBody, makeSystem, uid } from "../oversight/helpers";

const raw = (method: string, path: string, key: string, text: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost/api/v1${path}`, { method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers }, body: text });
const noParams = { params: Promise.resolve({}) };
const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
// JSON text whose one string holds an escape that parses to the bad character.
const withEscape = (body: Record<string, unknown>, field: string, escape: string) => JSON.stringify({ ...body, [field]: "MARK" }).replace('"MARK"', `"before${escape}after"`);

let inventoryKey: string;
let incidentKey: string;
let consentKey: string;
let systemKey: string;
let mlopsKey: string;
let systemId: string;

beforeAll(async () => {
  inventoryKey = (await createApiKey(SYSTEM_CLI, { name: uid("inv"), scopes: ["inventory:write"] })).key;
  incidentKey = (await createApiKey(SYSTEM_CLI, { name: uid("inc"), scopes: ["incidents:write"] })).key;
  consentKey = (await createApiKey(SYSTEM_CLI, { name: uid("con"), scopes: ["consent:write"] })).key;
  const { system } = await makeSystem();
  systemId = system.id;
  systemKey = (await createApiKey(SYSTEM_CLI, { name: uid("sys"), scopes: ["decisions:read", "decisions:write"], aiSystemId: system.id })).key;
  const officer = await makeUser({ role: "compliance_officer", mfaEnrolled: true });
  mlopsKey = (await createOwnApiKey(await actorOf(officer.email), { name: uid("mlops"), scopes: ["oversight:admin"] })).key;
});

async function expect422(res: Response, path: string | RegExp) {
  expect(res.status).toBe(422);
  const body = (await res.json()) as { error: { code: string; message: string; details: { path: string; message: string }[] } };
  expect(body.error.code).toBe("VALIDATION");
  expect(body.error.details[0]!.path).toMatch(path);
  return body.error;
}

const INCIDENT = { title: "Ransomware on the billing server", discoveredAt: "2026-03-02T10:00:00Z", phi: true, affected: [{ jurisdiction: "US-CA", count: 501 }] };

describe("hostile text and nesting through the API", () => {
  it.each([
    ["a NUL", "\\u0000", /NUL/],
    ["a lone high surrogate", "\\ud800", /lone UTF-16 surrogate/],
    ["a lone low surrogate", "\\udfff", /lone UTF-16 surrogate/],
  ])("%s in an asset's name is a 422 naming the field; nothing is written", async (_what, escape, message) => {
    const before = await db().dataAsset.count();
    const err = await expect422(await postAsset(raw("POST", "/assets", inventoryKey, withEscape(assetInput(), "name", escape)), noParams), /^name$/);
    expect(err.message).toMatch(message);
    expect(await db().dataAsset.count()).toBe(before);
  });

  it("a NUL or a lone surrogate in an incident, a consent purpose and an AI system patch is a 422", async () => {
    await expect422(await postIncident(raw("POST", "/incidents", incidentKey, withEscape(INCIDENT, "title", "\\u0000"), { "Idempotency-Key": uid("k") }), noParams), /^title$/);
    await expect422(await postPurpose(raw("POST", "/consent/purposes", consentKey, withEscape({ key: "newsletter", name: "Newsletter", lawfulBasis: "consent", noticeText: "We send news." }, "noticeText", "\\ud83d")), noParams), /^noticeText$/);
    await expect422(await patchSystem(raw("PATCH", `/ai-systems/${systemId}`, mlopsKey, withEscape({}, "owner", "\\u0000")), { params: Promise.resolve({ id: systemId }) }), /^owner$/);
    // In a key, and deep inside a value.
    await expect422(await postDecision(raw("POST", "/decisions", systemKey, JSON.stringify(decisionBody({ inputs: { a: [{ MARK: 1 }] } })).replace('"MARK"', '"k\\u0000"')), noParams), /^inputs\.a\.0\.k\\u0000$/);
  });

  it("JSON nested 10,000 deep is a 422 before anything recursive runs, with or without an Idempotency-Key", async () => {
    const before = await db().oversightDecision.count();
    const inputs = JSON.stringify(decisionBody()).replace(/"inputs":\{[^}]*\}/, `"inputs":${deep(10_000)}`);
    const err = await expect422(await postDecision(raw("POST", "/decisions", systemKey, inputs, { "Idempotency-Key": uid("deep") }), noParams), "(body)");
    expect(err.message).toMatch(/nested more than 32 levels/);
    await expect422(await postIncident(raw("POST", "/incidents", incidentKey, `{"title":${deep(10_000)}}`, { "Idempotency-Key": uid("deep") }), noParams), "(body)");
    await expect422(await postAsset(raw("POST", "/assets", inventoryKey, deep(10_000), { "Idempotency-Key": uid("deep") }), noParams), "(body)");
    expect(await db().oversightDecision.count()).toBe(before);
    // Brackets inside strings are text, not nesting.
    const ok = await postDecision(raw("POST", "/decisions", systemKey, JSON.stringify(decisionBody({ summary: "[".repeat(100) }))), noParams);
    expect(ok.status).toBe(201);
  });

  it("a NUL in a path segment or a query value is a 422 too", async () => {
    const { GET: getAsset } = await import("@/app/api/v1/assets/[id]/route");
    const { GET: listAssets } = await import("@/app/api/v1/assets/route");
    const get = (path: string) => new Request(`http://localhost/api/v1${path}`, { headers: { authorization: `Bearer ${inventoryKey}` } });
    await expect422(await getAsset(get("/assets/a%00b"), { params: Promise.resolve({ id: "a\u0000b" }) }), /^id$/);
    await expect422(await listAssets(get("/assets?q=a%00b"), noParams), /^q$/);
  });

  it("the same holds for lib/server functions called directly (server actions, the CLI)", async () => {
    const officer = await actorFor("compliance_officer");
    await expect(createAsset(officer, assetInput({ name: "a\u0000b" }))).rejects.toMatchObject({ code: "VALIDATION", details: [{ path: "name" }] });
    await expect(createAsset(officer, assetInput({ description: "x\ud800" }))).rejects.toMatchObject({ code: "VALIDATION", details: [{ path: "description" }] });
  });
});
