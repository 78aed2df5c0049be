// Every tampering someone with database access but without the signing key can do, each
// caught by audit:verify naming the first bad seq (docs/decisions/005), on the dialect
// under test. The log is restored after each case.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_ROOT } from "@/lib/audit/merkle";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { appendAudit, recordAudit } from "@/lib/server/audit/append";
import { sealOnce } from "@/lib/server/audit/seal";
import { SealRefused } from "@/lib/server/audit/tree-store";
import { db } from "@/lib/server/db";
import { sealLog, verifyLog } from "../../support/audit";
import { backupLog, cli, forgedHead, recomputeLeaf, restoreLog } from "./helpers";

let B = 0; // events already in the shared test database before this file
let h1 = 0; // the shutdown head after phase 1 (tree size B + 12)
let h2 = 0; // the seal head after phase 2 (B + 15)
let h3 = 0; // the shutdown head after phase 3 (B + 17)
const write = async (n: number, tag: string) => {
  for (let i = 0; i < n; i++) await recordAudit(SYSTEM_CLI, { action: `test.${tag}`, entityType: "Thing", entityId: `${tag}${i}`, diff: { i } });
};

beforeAll(async () => {
  B = (await sealLog())?.head?.treeSize ?? (await db().auditTreeHead.findFirst({ orderBy: { headIndex: "desc" } }))?.treeSize ?? 0;
  await write(12, "one");
  h1 = (await sealLog())!.head!.headIndex;
  await write(3, "two");
  h2 = (await sealOnce())!.head!.headIndex;
  await write(2, "three");
  h3 = (await sealLog())!.head!.headIndex;
  await backupLog();
});

afterEach(restoreLog);

describe("audit log: tampering by hand is caught", () => {
  it("an untouched log verifies, in the app and through `admin audit:verify` (exit 0)", async () => {
    const r = await verifyLog();
    expect(r).toMatchObject({ ok: true, events: B + 17 });
    expect(r.latestHead).toMatchObject({ headIndex: h3, treeSize: B + 17, kind: "shutdown" });
    const out = await cli("audit:verify");
    expect(out.code).toBe(0);
    expect(out.out).toMatch(/Audit log intact/);
  });

  it("a change that rolls back leaves no audit row", async () => {
    const before = await db().auditEvent.count();
    await expect(db().$transaction(async (tx) => { await appendAudit(tx, SYSTEM_CLI, { action: "test.rolled-back" }); throw new Error("boom"); })).rejects.toThrow("boom");
    expect(await db().auditEvent.count()).toBe(before);
  });

  it("altered: a row changed by hand is caught at its seq, and the CLI exits 1 naming it", async () => {
    await db().$executeRaw`UPDATE "AuditEvent" SET "action" = 'user.delete' WHERE "seq" = ${B + 6}`;
    expect(await verifyLog()).toMatchObject({ ok: false, firstBadSeq: B + 6 });
    const out = await cli("audit:verify");
    expect(out.code).toBe(1);
    expect(out.out).toContain(`BROKEN at seq ${B + 6}`);
  });

  it("altered with its leaf hash recomputed: caught by the signed head over it", async () => {
    await db().$executeRaw`UPDATE "AuditEvent" SET "diff" = '{"i":99}' WHERE "seq" = ${B + 13}`;
    await recomputeLeaf(B + 13);
    expect(await verifyLog()).toMatchObject({ ok: false, firstBadSeq: B + 13 });
  });

  it("deleted: a removed row is caught at its seq", async () => {
    await db().$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" = ${B + 4}`;
    expect(await verifyLog()).toMatchObject({ ok: false, firstBadSeq: B + 4 });
  });

  it("reordered: two rows with swapped places are caught at the first", async () => {
    await db().$executeRaw`UPDATE "AuditEvent" SET "seq" = -1 WHERE "seq" = ${B + 4}`;
    await db().$executeRaw`UPDATE "AuditEvent" SET "seq" = ${B + 4} WHERE "seq" = ${B + 5}`;
    await db().$executeRaw`UPDATE "AuditEvent" SET "seq" = ${B + 5} WHERE "seq" = -1`;
    expect(await verifyLog()).toMatchObject({ ok: false, firstBadSeq: B + 4 });
    // Even with both leaf hashes recomputed for their new places.
    await recomputeLeaf(B + 4);
    await recomputeLeaf(B + 5);
    const r = await verifyLog();
    expect(r.ok).toBe(false);
    expect(r.firstBadSeq).toBeLessThanOrEqual(B + 4);
  });

  it("inserted: a forged row slipped in (with or without a recomputed leaf hash) is caught at its place", async () => {
    const at = B + 13;
    await db().$executeRaw`UPDATE "AuditEvent" SET "seq" = -"seq" - 1 WHERE "seq" >= ${at}`;
    await db().$executeRaw`UPDATE "AuditEvent" SET "seq" = -"seq" WHERE "seq" < 0`;
    const like = await db().auditEvent.findUniqueOrThrow({ where: { seq: at - 1 } });
    const { id: _id, ...fields } = like;
    await db().auditEvent.create({ data: { ...fields, seq: at, action: "forged.approval", leafHash: null } });
    expect(await verifyLog()).toMatchObject({ ok: false, firstBadSeq: at });
    for (let s = at; s <= B + 18; s++) await recomputeLeaf(s);
    expect(await verifyLog()).toMatchObject({ ok: false, firstBadSeq: at });
  });

  it("truncated tail: events cut off under their heads are caught", async () => {
    await db().$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" > ${B + 14}`;
    expect(await verifyLog()).toMatchObject({ ok: false, firstBadSeq: B + 15 });
  });

  it("truncated together with the heads above the cut: the log ends without a shutdown head and no sealer runs", async () => {
    await db().$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" > ${B + 15}`;
    await db().$executeRaw`DELETE FROM "AuditTreeHead" WHERE "headIndex" > ${h2}`;
    const r = await verifyLog();
    expect(r).toMatchObject({ ok: false, firstBadSeq: B + 16 });
    expect(r.findings[0]!.reason).toMatch(/without a shutdown head/);
    const out = await cli("audit:verify");
    expect(out.code).toBe(1);
    expect(out.out).toContain(`BROKEN at seq ${B + 16}`);
  });

  it("one head deleted from the middle: its signed index is missing", async () => {
    await db().$executeRaw`DELETE FROM "AuditTreeHead" WHERE "headIndex" = ${h2}`;
    const r = await verifyLog();
    expect(r).toMatchObject({ ok: false, firstBadSeq: B + 13 });
    expect(r.findings[0]!.reason).toMatch(new RegExp(`head #${h2} is missing`));
  });

  it("the newest head deleted: sealed events that no head covers", async () => {
    await db().$executeRaw`DELETE FROM "AuditTreeHead" WHERE "headIndex" = ${h3}`;
    expect(await verifyLog()).toMatchObject({ ok: false, firstBadSeq: B + 16 });
  });

  it("every head deleted: caught at seq 1, and the sealer refuses to carry on", async () => {
    await db().$executeRaw`DELETE FROM "AuditTreeHead"`;
    expect(await verifyLog()).toMatchObject({ ok: false, firstBadSeq: 1 });
    await recordAudit(SYSTEM_CLI, { action: "test.after-wipe" });
    await expect(sealOnce()).rejects.toBeInstanceOf(SealRefused);
  });

  it("the whole log rewritten with recomputed hashes, without the key: the first signed head no longer matches", async () => {
    await db().$executeRaw`UPDATE "AuditEvent" SET "actorLabel" = 'nobody' WHERE "seq" IS NOT NULL`;
    for (let s = 1; s <= B + 17; s++) await recomputeLeaf(s);
    await db().$executeRaw`DELETE FROM "AuditTreeNode"`;
    await db().$executeRaw`DELETE FROM "AuditTreeState"`;
    expect(await verifyLog()).toMatchObject({ ok: false, firstBadSeq: 1 });
    // The sealer rebuilds from the events, sees they do not match the newest head, and refuses.
    await recordAudit(SYSTEM_CLI, { action: "test.after-rewrite" });
    await expect(sealOnce()).rejects.toThrow(/no longer match the newest signed head/);
  });

  it("a rewrite with every head re-signed by another key: no head is trusted", async () => {
    const heads = await db().auditTreeHead.findMany({ orderBy: { headIndex: "asc" } });
    await db().$executeRaw`DELETE FROM "AuditTreeHead"`;
    for (const h of heads) await db().auditTreeHead.create({ data: forgedHead({ ...h, timestamp: h.timestamp.getTime(), kind: h.kind as "seal" }) });
    const r = await verifyLog();
    expect(r).toMatchObject({ ok: false, firstBadSeq: 1 });
    expect(r.findings.map((f) => f.reason).join("\n")).toMatch(/not a trusted public key/);
  });

  it("a forged newer head (another key) over forged events is caught at the first forged event", async () => {
    const last = await db().auditEvent.findUniqueOrThrow({ where: { seq: B + 17 } });
    const { id: _id, ...fields } = last;
    await db().auditEvent.create({ data: { ...fields, seq: B + 18, action: "forged.export" } });
    await recomputeLeaf(B + 18);
    await db().auditTreeHead.create({ data: forgedHead({ headIndex: h3 + 1, treeSize: B + 18, rootHash: EMPTY_ROOT.toString("hex"), timestamp: Date.now(), kind: "shutdown" }) });
    const r = await verifyLog();
    expect(r).toMatchObject({ ok: false, firstBadSeq: B + 18 });
    expect(r.findings.map((f) => f.reason).join("\n")).toMatch(/not a trusted public key/);
  });

  it("a log cut back to an earlier clean stop passes on its own, and is caught with the heads exported before (--heads)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "heads-"));
    const file = join(dir, "heads.json");
    const exported = await cli("audit:export-heads", "--out", file);
    expect(exported.code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).heads.at(-1)).toMatchObject({ headIndex: h3, treeSize: B + 17 });
    // Cut everything after the shutdown head h1: the log now ends cleanly at B + 12.
    await db().$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" > ${B + 12}`;
    await db().$executeRaw`DELETE FROM "AuditTreeHead" WHERE "headIndex" > ${h1}`;
    await db().$executeRaw`DELETE FROM "AuditTreeState"`;
    expect(await verifyLog()).toMatchObject({ ok: true });
    const heads = JSON.parse(readFileSync(file, "utf8")).heads;
    expect(await verifyLog({ witnessHeads: heads })).toMatchObject({ ok: false, firstBadSeq: B + 13 });
    const out = await cli("audit:verify", "--heads", file);
    expect(out.code).toBe(1);
    expect(out.out).toContain(`BROKEN at seq ${B + 13}`);
    // A heads file that is not one is refused with a clear message.
    writeFileSync(join(dir, "bad.json"), "{}");
    expect((await cli("audit:verify", "--heads", join(dir, "bad.json"))).out).toMatch(/not a heads file/);
  });
});
