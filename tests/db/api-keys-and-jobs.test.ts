import { describe, expect, it } from "vitest";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { withIdempotency, type Transact } from "@/lib/server/api/idempotency";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate-api-key";
import { createApiKey, hashApiKey } from "@/lib/server/api-keys/create-api-key";
import { listApiKeys, revokeApiKey } from "@/lib/server/api-keys/manage-api-keys";
import { can } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { runExclusive } from "@/lib/server/jobs/lease";
import { hitRateLimit } from "@/lib/server/rate-limit";
import { actorFor, makeUser } from "@/lib/server/testing/factories";
import { setUserDisabled } from "@/lib/server/users/manage-user";

describe("API keys", () => {
  it("are stored only as a hash and authenticate to an actor with their scopes", async () => {
    const k = await createApiKey(SYSTEM_CLI, { name: "site", scopes: ["consent:write", "audit:read"] });
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: k.id } });
    expect(row.keyHash).toBe(hashApiKey(k.key));
    expect(JSON.stringify(row)).not.toContain(k.key);
    const actor = await authenticateApiKey(k.key, "203.0.113.9");
    expect(actor).toMatchObject({ kind: "api_key", keyId: k.id, scopes: ["audit:read", "consent:write"], role: null });
    expect(can(actor, "audit:read")).toBe(true);
    expect(can(actor, "user:manage")).toBe(false);
  });

  it("a key bound to a user can do no more than that user's role", async () => {
    const reviewer = await makeUser({ role: "reviewer" });
    const k = await createApiKey(SYSTEM_CLI, { name: "bound", scopes: ["audit:read"], userEmail: reviewer.email });
    const actor = await authenticateApiKey(k.key, null);
    expect(actor).toMatchObject({ role: "reviewer", userId: reviewer.id });
    expect(can(actor, "audit:read")).toBe(false); // reviewers may not read the audit log
  });

  it("revoked, unknown, malformed and disabled-user keys are refused", async () => {
    const u = await makeUser({ role: "auditor" });
    const k = await createApiKey(SYSTEM_CLI, { name: "temp", scopes: ["audit:read"], userEmail: u.email });
    await setUserDisabled(SYSTEM_CLI, u.id, true);
    await expect(authenticateApiKey(k.key, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringMatching(/disabled/) });
    await revokeApiKey(SYSTEM_CLI, k.id);
    await expect(authenticateApiKey(k.key, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: "This API key has been revoked." });
    await expect(revokeApiKey(SYSTEM_CLI, k.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(authenticateApiKey("ocd_not-a-real-key", null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authenticateApiKey("Bearer junk", null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("expired keys are refused", async () => {
    const k = await createApiKey(SYSTEM_CLI, { name: "short-lived", scopes: ["audit:read"], expiresInDays: 1 });
    await db().apiKey.update({ where: { id: k.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(authenticateApiKey(k.key, null)).rejects.toMatchObject({ message: "This API key has expired." });
  });

  it("a key not yet expired is accepted, and its last use is recorded at most once a minute", async () => {
    const k = await createApiKey(SYSTEM_CLI, { name: "used", scopes: ["audit:read"], expiresInDays: 1 });
    await authenticateApiKey(k.key, null);
    const first = (await db().apiKey.findUniqueOrThrow({ where: { id: k.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await authenticateApiKey(k.key, null);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: k.id } })).lastUsedAt).toEqual(first);
    await db().apiKey.update({ where: { id: k.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await authenticateApiKey(k.key, null);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: k.id } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 5_000);
  });

  it("unknown scopes and users are refused with the reason", async () => {
    await expect(createApiKey(SYSTEM_CLI, { name: "x", scopes: ["root:all"] })).rejects.toMatchObject({ code: "VALIDATION", details: [{ path: "scopes" }] });
    await expect(createApiKey(SYSTEM_CLI, { name: "x", scopes: ["audit:read"], userEmail: "ghost@none.test" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("only admins create or revoke keys; auditors may list them", async () => {
    for (const role of ["compliance_officer", "reviewer", "auditor"] as const) {
      await expect(createApiKey(await actorFor(role), { name: "x", scopes: ["audit:read"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(listApiKeys(await actorFor("auditor"))).resolves.toBeInstanceOf(Array);
    await expect(listApiKeys(await actorFor("reviewer"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("idempotency keys", () => {
  it("replays the stored response for the same body; refuses another body with 409", async () => {
    let calls = 0;
    const fn = (transact: Transact) => transact(async () => ({ id: `r${++calls}` }));
    const created = (r: unknown) => ({ status: 201, body: r });
    const first = await withIdempotency("scope-a", "key-1", { a: 1 }, fn, created);
    const again = await withIdempotency("scope-a", "key-1", { a: 1 }, fn, created);
    expect(again).toEqual({ ...first, replayed: true });
    expect(calls).toBe(1);
    await expect(withIdempotency("scope-a", "key-1", { a: 2 }, fn, created)).rejects.toMatchObject({ code: "CONFLICT" });
    // Another caller's identical key is its own.
    expect((await withIdempotency("scope-b", "key-1", { a: 1 }, fn, created)).replayed).toBe(false);
  });

  it("does not store failures, so the client can retry", async () => {
    const write = (transact: Transact) => transact(async () => ({ ok: 1 }));
    await withIdempotency("scope-c", "k", {}, write, () => ({ status: 422, body: {} }));
    expect((await withIdempotency("scope-c", "k", {}, write, (r) => ({ status: 201, body: r }))).replayed).toBe(false);
    // A write that throws rolls its claim back with it.
    const failing = (transact: Transact) => transact(async () => Promise.reject(new Error("boom")));
    await expect(withIdempotency("scope-d", "k", {}, failing, () => ({ status: 201, body: {} }))).rejects.toThrow("boom");
    expect(await db().idempotencyRecord.count({ where: { scope: "scope-d" } })).toBe(0);
    expect((await withIdempotency("scope-d", "k", {}, write, (r) => ({ status: 201, body: r }))).replayed).toBe(false);
  });
});

describe("job leases and rate limits", () => {
  it("only one runner holds a lease; it is released after the run", async () => {
    let inside = 0;
    let maxInside = 0;
    const job = () =>
      runExclusive("test-job", 60_000, async () => {
        inside++;
        maxInside = Math.max(maxInside, inside);
        await new Promise((r) => setTimeout(r, 50));
        inside--;
        return "done";
      });
    const results = await Promise.all([job(), job(), job()]);
    expect(maxInside).toBe(1);
    expect(results.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(await job()).toEqual({ result: "done" });
  });

  it("an expired lease can be taken over", async () => {
    await db().jobLease.upsert({ where: { name: "stuck-job" }, create: { name: "stuck-job", owner: "dead-instance", leasedUntil: new Date(Date.now() - 1) }, update: { owner: "dead-instance", leasedUntil: new Date(Date.now() - 1) } });
    expect(await runExclusive("stuck-job", 1000, async () => 1)).toEqual({ result: 1 });
  });

  it("fixed-window counter allows the limit and refuses the next", async () => {
    const key = `test:${Math.random()}`;
    const now = new Date();
    for (let i = 0; i < 3; i++) expect((await hitRateLimit(key, 3, 60, now)).allowed).toBe(true);
    expect(await hitRateLimit(key, 3, 60, now)).toMatchObject({ allowed: false, remaining: 0 });
    expect((await hitRateLimit(key, 3, 60, new Date(now.getTime() + 61_000))).allowed).toBe(true);
  });
});
