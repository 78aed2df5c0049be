import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET as getOne } from "@/app/api/v1/webhooks/[id]/route";
import { GET as list, POST as create } from "@/app/api/v1/webhooks/route";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { db } from "@/lib/server/db";
import { decrypt } from "@/lib/server/keys";
import { createWebhook } from "@/lib/server/webhooks/endpoints";
import { WEBHOOK_SECRET_CONTEXT } from "@/lib/server/webhooks/secret";
import { makeUser } from "@/lib/server/testing/factories";
import { actorFor } from "@/lib/server/testing/factories";
import { allowCallbackHosts, codeOf, uid } from "../oversight/helpers";

let adminKey = "";
let officerKey = "";
let wrongScopeKey = "";
beforeAll(async () => {
  allowCallbackHosts("127.0.0.1");
  const admin = await makeUser({ role: "admin", mfaEnrolled: true });
  const officer = await makeUser({ role: "compliance_officer", mfaEnrolled: true });
  adminKey = (await createApiKey(SYSTEM_CLI, { name: uid("wh-admin"), scopes: ["webhooks:manage"], userEmail: admin.email })).key;
  officerKey = (await createApiKey(SYSTEM_CLI, { name: uid("wh-officer"), scopes: ["webhooks:manage"], userEmail: officer.email })).key;
  wrongScopeKey = (await createApiKey(SYSTEM_CLI, { name: uid("wh-wrong"), scopes: ["incidents:write"] })).key;
});
afterAll(() => allowCallbackHosts(""));

const req = (method: string, key: string, body?: unknown) =>
  new Request("http://localhost/api/v1/webhooks", { method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

describe("/api/v1/webhooks", () => {
  it("register (201, secret once, stored encrypted), list and get without secrets, delete (audited)", async () => {
    const res = await create(req("POST", adminKey, { url: "http://127.0.0.1:9/hook", events: ["incident.created", "control.failed", "incident.created"] }), params({}));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; secret: string; events: string[] };
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(body.events).toEqual(["incident.created", "control.failed"]);
    const row = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.secretEnc).not.toContain(body.secret);
    expect(decrypt(row.secretEnc, WEBHOOK_SECRET_CONTEXT)).toBe(body.secret);

    const listed = (await (await list(req("GET", adminKey), params({}))).json()) as { items: Record<string, unknown>[] };
    const mine = listed.items.find((i) => i.id === body.id)!;
    expect(mine).toMatchObject({ url: "http://127.0.0.1:9/hook", events: ["incident.created", "control.failed"], deliveries: { pending: 0, delivered: 0, failed: 0 } });
    expect(JSON.stringify(listed)).not.toContain("whsec_");
    const one = await getOne(req("GET", adminKey), params({ id: body.id }));
    expect(one.status).toBe(200);
    expect(JSON.stringify(await one.json())).not.toContain("secret");

    expect((await DELETE(req("DELETE", adminKey), params({ id: body.id }))).status).toBe(200);
    expect((await getOne(req("GET", adminKey), params({ id: body.id }))).status).toBe(404);
    expect((await DELETE(req("DELETE", adminKey), params({ id: body.id }))).status).toBe(404);
    expect(await db().auditEvent.count({ where: { entityId: body.id, action: { in: ["webhook.create", "webhook.delete"] } } })).toBe(2);
  });

  it("403 for a key without the scope and for a non-admin's key; 403 for a compliance officer in the app", async () => {
    const body = { url: "http://127.0.0.1:9/hook", events: ["incident.created"] };
    expect((await create(req("POST", wrongScopeKey, body), params({}))).status).toBe(403);
    expect((await create(req("POST", officerKey, body), params({}))).status).toBe(403);
    expect((await list(req("GET", officerKey), params({}))).status).toBe(403);
    expect(await codeOf(createWebhook(await actorFor("compliance_officer"), body))).toBe("FORBIDDEN");
    expect(await codeOf(createWebhook(await actorFor("auditor"), body))).toBe("FORBIDDEN");
  });

  it("422 naming unknown events; 422 for loopback, private, metadata and non-https targets not on the allow list", async () => {
    const unknown = await create(req("POST", adminKey, { url: "http://127.0.0.1:9/", events: ["incident.created", "incident.exploded", "webhook.test"] }), params({}));
    expect(unknown.status).toBe(422);
    const msg = JSON.stringify(await unknown.json());
    expect(msg).toContain("incident.exploded");
    expect(msg).toContain("webhook.test");
    for (const url of ["https://10.0.0.5/hook", "https://169.254.169.254/latest", "https://[::1]/x", "https://localhost/x", "http://example.com/hook", "https://user:pw@example.com/", "ftp://example.com/", "not a url", "https://2130706434/"]) {
      const res = await create(req("POST", adminKey, { url, events: ["incident.created"] }), params({}));
      expect(res.status, url).toBe(422);
    }
    expect((await create(req("POST", adminKey, { url: "https://example.com/", events: [] }), params({}))).status).toBe(422);
    expect(await db().webhookEndpoint.count({ where: { url: { contains: "169.254" } } })).toBe(0);
  });
});
