// The audit log's write path, sealer, cadence and proofs on the dialect under test:
// writers do not wait for one another, the sealer orders and signs, the API serves proofs
// that an independent verifier (scripts/verify-audit-proof.mjs) accepts.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as proofRoute } from "@/app/api/v1/audit/events/[seq]/proof/route";
import { GET as consistencyRoute } from "@/app/api/v1/audit/consistency/route";
import { GET as publicKeyRoute } from "@/app/api/v1/audit/public-key/route";
import { GET as headsRoute } from "@/app/api/v1/audit/tree-heads/route";
import { HEARTBEAT_MS, MAX_HEAD_GAP_MS, SEALER_LEASE, SEALER_LEASE_MS } from "@/lib/audit/cadence";
import { leafHash, verifyConsistency, verifyInclusion } from "@/lib/audit/merkle";
import { parsePublicKey, verifyHeadSignature } from "@/lib/audit/tree-head";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { recordAudit } from "@/lib/server/audit/append";
import { sealOnce } from "@/lib/server/audit/seal";
import { sealerTick, stopSealer } from "@/lib/server/audit/sealer";
import { db } from "@/lib/server/db";
import { holdLease, releaseLease } from "@/lib/server/jobs/lease";
import { actorFor, makeUser } from "@/lib/server/testing/factories";
import { sealLog, verifyLog, verifySealed } from "../../support/audit";
import { backupLog, cli, restoreLog } from "./helpers";

const run = promisify(execFile);
const BASE = "http://localhost/api/v1/audit";
let auditorKey = "";
let readerKey = "";
const get = (path: string, key: string | null = auditorKey) => new Request(`${BASE}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
const noParams = { params: Promise.resolve({}) };

beforeAll(async () => {
  const auditor = await makeUser({ role: "auditor" });
  auditorKey = (await createApiKey(SYSTEM_CLI, { name: "audit-reader", scopes: ["audit:read"], userEmail: auditor.email })).key;
  readerKey = (await createApiKey(SYSTEM_CLI, { name: "inventory-reader", scopes: ["inventory:read"] })).key;
  await sealLog();
});

describe("audit log: writers and the sealer", () => {
  it("20 concurrent writers each commit without waiting for the others' audit work; the sealer gives them contiguous seqs", async () => {
    const actor = await actorFor("admin");
    const before = (await db().auditTreeHead.findFirst({ orderBy: { headIndex: "desc" } }))?.treeSize ?? 0;
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(actor, { action: "test.concurrent", diff: { i } })));
    expect(new Set(ids.map((r) => r.id)).size).toBe(20);
    // Committed but not yet in the log: no seq until the sealer runs.
    expect(await db().auditEvent.count({ where: { id: { in: ids.map((r) => r.id) }, seq: null } })).toBe(20);
    const sealed = await sealOnce();
    expect(sealed.head).toMatchObject({ kind: "seal", treeSize: before + sealed.sealed });
    const seqs = (await db().auditEvent.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: { seq: true } })).map((r) => r.seq!).sort((a, b) => a - b);
    expect(seqs.length).toBe(20);
    expect(seqs.every((s) => s > before && s <= sealed.head!.treeSize)).toBe(true);
    expect(await verifySealed()).toMatchObject({ ok: true });
  });

  it("two sealers at once never sign conflicting heads: the log still verifies", async () => {
    for (let i = 0; i < 10; i++) await recordAudit(SYSTEM_CLI, { action: "test.two-sealers", diff: { i } });
    const results = await Promise.allSettled([sealOnce(), sealOnce(), sealOnce()]);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    const heads = await db().auditTreeHead.findMany({ orderBy: { headIndex: "asc" } });
    expect(heads.map((h) => h.headIndex)).toEqual(heads.map((_, i) => i + 1));
    expect(await verifySealed()).toMatchObject({ ok: true });
  });

  it("the sealer loop takes the lease, signs a startup head, seals new events, and signs a shutdown head when stopped", async () => {
    await sealerTick();
    const startup = await db().auditTreeHead.findFirst({ orderBy: { headIndex: "desc" } });
    expect(startup).toMatchObject({ kind: "startup" });
    await recordAudit(SYSTEM_CLI, { action: "test.loop" });
    await sealerTick();
    const sealed = await db().auditTreeHead.findFirst({ orderBy: { headIndex: "desc" } });
    expect(sealed).toMatchObject({ kind: "seal", treeSize: startup!.treeSize + 1 });
    // A live sealer: a recent seal head is fine without a shutdown head.
    expect(await verifyLog()).toMatchObject({ ok: true });
    // ... but not once it is older than the cadence allows.
    expect(await verifyLog({ now: new Date(sealed!.timestamp.getTime() + MAX_HEAD_GAP_MS + 60_000) })).toMatchObject({ ok: false, firstBadSeq: sealed!.treeSize + 1 });
    const stopped = await stopSealer();
    expect(stopped?.head).toMatchObject({ kind: "shutdown" });
    expect(await db().jobLease.findUnique({ where: { name: SEALER_LEASE } })).toMatchObject({ leasedUntil: new Date(0) });
    expect(await verifyLog()).toMatchObject({ ok: true });
  });

  it("another instance does not seal while one holds the lease", async () => {
    // This test's process holds the lease as "another instance" would; the lease is per process,
    // so simulate the other holder by writing the row directly.
    await db().jobLease.update({ where: { name: SEALER_LEASE }, data: { owner: "other-instance", leasedUntil: new Date(Date.now() + SEALER_LEASE_MS) } });
    const heads = await db().auditTreeHead.count();
    await sealerTick();
    expect(await db().auditTreeHead.count()).toBe(heads);
    await db().jobLease.update({ where: { name: SEALER_LEASE }, data: { owner: "", leasedUntil: new Date(0) } });
    expect(await holdLease(SEALER_LEASE, 1000)).toBe(true);
    await releaseLease(SEALER_LEASE);
  });

  it("cadence: an idle log gets a heartbeat head; a gap longer than the cadence is a finding unless a sealer came back (startup)", async () => {
    await backupLog();
    try {
      const latest = (await db().auditTreeHead.findFirst({ orderBy: { headIndex: "desc" } }))!;
      expect((await sealOnce({ now: new Date(latest.timestamp.getTime() + 1000) })).head).toBeNull();
      const hb = await sealOnce({ now: new Date(latest.timestamp.getTime() + HEARTBEAT_MS) });
      expect(hb.head).toMatchObject({ kind: "heartbeat", treeSize: latest.treeSize });
      await recordAudit(SYSTEM_CLI, { action: "test.late" });
      const late = await sealOnce({ now: new Date(hb.head!.timestamp + MAX_HEAD_GAP_MS + 60_000) });
      const r = await verifyLog({ now: new Date(late.head!.timestamp) });
      expect(r.ok).toBe(false);
      expect(r.findings.map((f) => f.reason).join("\n")).toMatch(/no signed head between/);
    } finally {
      await restoreLog();
    }
    await backupLog();
    try {
      const latest = (await db().auditTreeHead.findFirst({ orderBy: { headIndex: "desc" } }))!;
      await sealOnce({ kind: "startup", now: new Date(latest.timestamp.getTime() + 3 * MAX_HEAD_GAP_MS) });
      const r = await verifySealed({ now: new Date(latest.timestamp.getTime() + 3 * MAX_HEAD_GAP_MS + 1000) });
      expect(r.ok).toBe(true);
      expect(r.notes.join("\n")).toMatch(/No sealer ran from/);
    } finally {
      await restoreLog();
    }
  });
});

const publicKey = () => publicKeyRoute(new Request("http://localhost/api/v1/audit/public-key"), { params: Promise.resolve({}) });

describe("audit log: proofs over the API, checked independently", () => {
  let dir = "";
  let publicKeyFile = "";
  beforeAll(async () => {
    for (let i = 0; i < 300; i++) await recordAudit(SYSTEM_CLI, { action: "test.proofs", entityId: `p${i}` });
    await sealLog();
    dir = mkdtempSync(join(tmpdir(), "proofs-"));
    const pk = await (await publicKey()).json();
    publicKeyFile = join(dir, "audit-public-key.pem");
    writeFileSync(publicKeyFile, pk.pem);
  });
  afterAll(sealLog);

  const verifier = async (file: string) => {
    try {
      const r = await run(process.execPath, ["scripts/verify-audit-proof.mjs", "--public-key", publicKeyFile, file]);
      return { code: 0, out: r.stdout };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, out: err.stdout + err.stderr };
    }
  };

  it("publishes the public key without authentication, as PEM and raw base64, matching the CLI", async () => {
    const res = await publicKey();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ algorithm: "Ed25519", keyId: expect.stringMatching(/^[0-9a-f]{16}$/), pem: expect.stringContaining("BEGIN PUBLIC KEY") });
    expect(Buffer.from(body.raw, "base64")).toHaveLength(32);
    const out = await cli("audit:public-key");
    expect(out.code).toBe(0);
    expect(out.out).toContain(body.raw);
  });

  it("serves an inclusion proof for every kind of position that verifies by RFC 9162 and offline with the script", async () => {
    const head = (await db().auditTreeHead.findFirst({ orderBy: { headIndex: "desc" } }))!;
    const key = parsePublicKey((await (await publicKey()).json()).pem);
    for (const seq of [1, 2, 255, 256, 257, Math.floor(head.treeSize / 2), head.treeSize]) {
      const res = await proofRoute(get(`/events/${seq}/proof`), { params: Promise.resolve({ seq: String(seq) }) });
      expect(res.status).toBe(200);
      const p = await res.json();
      expect(p).toMatchObject({ type: "inclusion", leafIndex: seq - 1, event: { seq } });
      expect(leafHash(p.leafInput).toString("hex")).toBe(p.leafHash);
      expect(verifyInclusion(seq - 1, p.treeHead.treeSize, Buffer.from(p.leafHash, "hex"), p.inclusionProof.map((h: string) => Buffer.from(h, "hex")), Buffer.from(p.treeHead.rootHash, "hex"))).toBe(true);
      expect(verifyHeadSignature(p.treeHead, key)).toBe(true);
      if (seq === 257) {
        const file = join(dir, "proof.json");
        writeFileSync(file, JSON.stringify(p));
        expect(await verifier(file)).toMatchObject({ code: 0 });
        writeFileSync(file, JSON.stringify({ ...p, event: { ...p.event, action: "forged" } }));
        expect((await verifier(file)).code).toBe(1);
      }
    }
  });

  it("serves consistency proofs between sizes and lists signed heads by size and by time", async () => {
    const heads = (await (await headsRoute(get("/tree-heads?limit=1000"), noParams)).json()).heads;
    expect(heads.length).toBeGreaterThan(2);
    const first = heads[Math.floor(heads.length / 2)];
    const last = heads.at(-1);
    const res = await consistencyRoute(get(`/consistency?first=${first.treeSize}&second=${last.treeSize}`), noParams);
    expect(res.status).toBe(200);
    const c = await res.json();
    expect(c.firstRootHash).toBe(first.rootHash);
    expect(c.secondHead).toMatchObject({ treeSize: last.treeSize });
    expect(verifyConsistency(c.first, c.second, Buffer.from(c.firstRootHash, "hex"), Buffer.from(c.secondRootHash, "hex"), c.proof.map((h: string) => Buffer.from(h, "hex")))).toBe(true);
    const file = join(dir, "consistency.json");
    writeFileSync(file, JSON.stringify(c));
    expect(await verifier(file)).toMatchObject({ code: 0 });
    // Between arbitrary sizes too (no head needed at the first).
    const odd = await (await consistencyRoute(get(`/consistency?first=7&second=${last.treeSize}`), noParams)).json();
    expect(verifyConsistency(7, odd.second, Buffer.from(odd.firstRootHash, "hex"), Buffer.from(odd.secondRootHash, "hex"), odd.proof.map((h: string) => Buffer.from(h, "hex")))).toBe(true);
    const bySize = (await (await headsRoute(get(`/tree-heads?from=${first.treeSize}&to=${last.treeSize}`), noParams)).json()).heads;
    expect(bySize.every((h: { treeSize: number }) => h.treeSize >= first.treeSize && h.treeSize <= last.treeSize)).toBe(true);
    const byTime = (await (await headsRoute(get(`/tree-heads?from=${new Date(last.timestamp).toISOString()}`), noParams)).json()).heads;
    expect(byTime.map((h: { headIndex: number }) => h.headIndex)).toContain(last.headIndex);
  });

  it("refuses what it should: no key, a key without audit:read, a bad seq, an unsealed or unknown event, first > second", async () => {
    expect((await proofRoute(get("/events/1/proof", null), { params: Promise.resolve({ seq: "1" }) })).status).toBe(401);
    expect((await proofRoute(get("/events/1/proof", readerKey), { params: Promise.resolve({ seq: "1" }) })).status).toBe(403);
    expect((await proofRoute(get("/events/abc/proof"), { params: Promise.resolve({ seq: "abc" }) })).status).toBe(422);
    expect((await proofRoute(get("/events/99999999/proof"), { params: Promise.resolve({ seq: "99999999" }) })).status).toBe(404);
    expect((await consistencyRoute(get("/consistency?first=10&second=5"), noParams)).status).toBe(422);
    expect((await consistencyRoute(get("/consistency?first=x"), noParams)).status).toBe(422);
    expect((await headsRoute(get("/tree-heads?limit=0"), noParams)).status).toBe(422);
  });
});

describe("audit log: a running sealer remembers what it signed", () => {
  it("refuses to sign when heads it signed were deleted (reusing their indexes would hide the gap)", async () => {
    await backupLog();
    try {
      await recordAudit(SYSTEM_CLI, { action: "test.remember" });
      const signed = (await sealOnce()).head!;
      await db().$executeRaw`DELETE FROM "AuditTreeHead" WHERE "headIndex" = ${signed.headIndex}`;
      await db().$executeRaw`UPDATE "AuditEvent" SET "seq" = NULL, "leafHash" = NULL WHERE "seq" = ${signed.treeSize}`;
      await expect(sealOnce({ lastSigned: signed.headIndex })).rejects.toThrow(/signed heads were deleted/);
    } finally {
      await restoreLog();
    }
  });
});
