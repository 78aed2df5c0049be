import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { appendAudit, checkpointTail, CHECKPOINT_EVERY, recordAudit } from "@/lib/server/audit/append";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit";
import { db } from "@/lib/server/db";
import { actorFor } from "@/lib/server/testing/factories";

const run = promisify(execFile);

async function verify() {
  return verifyAuditChain(SYSTEM_CLI, { record: false });
}

/** The CLI as an operator runs it, against this run's database. */
async function cliVerify(): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/admin.ts", "audit:verify"], { env: process.env });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

type Row = Awaited<ReturnType<typeof snapshot>>[number];
async function snapshot() {
  return db().auditEvent.findMany({ orderBy: { seq: "asc" } });
}
async function restore(rows: Row[]) {
  await db().auditEvent.deleteMany({});
  for (const r of rows) await db().auditEvent.create({ data: r });
}

describe("audit log: hash chain in the database", () => {
  let saved: Row[] = [];
  let savedCheckpoints: Awaited<ReturnType<typeof db>>["auditCheckpoint"] extends { findMany: (...a: never[]) => Promise<infer T> } ? T : never;

  beforeAll(async () => {
    for (let i = 0; i < 12; i++) await recordAudit(SYSTEM_CLI, { action: "test.event", entityType: "Thing", entityId: `t${i}`, diff: { i } });
    await checkpointTail();
    for (let i = 0; i < 3; i++) await recordAudit(SYSTEM_CLI, { action: "test.after-checkpoint", diff: { i } });
    saved = await snapshot();
    savedCheckpoints = await db().auditCheckpoint.findMany();
  });

  afterEach(async () => {
    await restore(saved);
    await db().auditCheckpoint.deleteMany({});
    for (const c of savedCheckpoints) await db().auditCheckpoint.create({ data: c });
  });

  it("an untouched chain verifies, in the app and through `admin audit:verify` (exit 0)", async () => {
    expect(await verify()).toMatchObject({ ok: true });
    const cli = await cliVerify();
    expect(cli.code).toBe(0);
    expect(cli.out).toMatch(/Audit chain intact/);
  });

  it("an event whose write fails leaves no audit row, and a failed change leaves no event", async () => {
    const before = await db().auditEvent.count();
    await expect(
      db().$transaction(async (tx) => {
        await appendAudit(tx, SYSTEM_CLI, { action: "test.rolled-back" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db().auditEvent.count()).toBe(before);
  });

  it("altered: a row changed by hand is caught and the CLI exits 1 naming its seq", async () => {
    const target = saved[5]!.seq;
    await db().$executeRaw`UPDATE "AuditEvent" SET "action" = 'user.delete' WHERE "seq" = ${target}`;
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: target });
    const cli = await cliVerify();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`BROKEN at seq ${target}`);
  });

  it("deleted: a removed row is caught at its seq", async () => {
    const target = saved[3]!.seq;
    await db().$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" = ${target}`;
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: target });
  });

  it("reordered: two rows with swapped positions are caught", async () => {
    const a = saved[4]!.seq;
    const b = saved[5]!.seq;
    await db().$executeRaw`UPDATE "AuditEvent" SET "seq" = -1 WHERE "seq" = ${a}`;
    await db().$executeRaw`UPDATE "AuditEvent" SET "seq" = ${a} WHERE "seq" = ${b}`;
    await db().$executeRaw`UPDATE "AuditEvent" SET "seq" = ${b} WHERE "seq" = -1`;
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: a });
  });

  it("inserted: a forged row slipped into the middle is caught", async () => {
    const at = saved[6]!.seq;
    // Shift the tail up by one (through a negative range to dodge the key), then insert.
    await db().$executeRaw`UPDATE "AuditEvent" SET "seq" = -"seq" - 1 WHERE "seq" >= ${at}`;
    await db().$executeRaw`UPDATE "AuditEvent" SET "seq" = -"seq" WHERE "seq" < 0`;
    const prev = saved[5]!;
    await db().auditEvent.create({ data: { ...prev, seq: at, action: "forged.approval", hash: "f".repeat(64) } });
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: at });
  });

  it("truncated tail after a checkpoint is caught", async () => {
    const cpSeq = (await db().auditCheckpoint.findFirst({ orderBy: { seq: "desc" } }))!.seq;
    await db().$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" >= ${cpSeq - 1}`;
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: cpSeq - 1 });
  });

  it(`writes a signed checkpoint every ${CHECKPOINT_EVERY} events without being asked`, async () => {
    const before = await db().auditEvent.count();
    const need = CHECKPOINT_EVERY - (before % CHECKPOINT_EVERY);
    for (let i = 0; i < need; i++) await recordAudit(SYSTEM_CLI, { action: "test.fill" });
    const last = await db().auditEvent.findFirst({ orderBy: { seq: "desc" } });
    expect(last!.seq % CHECKPOINT_EVERY).toBe(0);
    expect(await db().auditCheckpoint.findUnique({ where: { seq: last!.seq } })).not.toBeNull();
    saved = await snapshot();
    savedCheckpoints = await db().auditCheckpoint.findMany();
  });

  it("concurrent writers still produce one unbroken chain", async () => {
    const actor = await actorFor("admin");
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(actor, { action: "test.concurrent", diff: { i } })));
    expect(await verify()).toMatchObject({ ok: true });
    saved = await snapshot();
    savedCheckpoints = await db().auditCheckpoint.findMany();
  });
});
