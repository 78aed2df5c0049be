// The audit_transparency_log migration on a database written before it (decision 003's
// hash chain with HMAC checkpoints): the migration files are applied one by one to a
// scratch database in the dialect under test, then the app's sealer adopts the old chain as
// the tree's first leaves, checking its checkpoints once and recording the outcome.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { chainHash, GENESIS_HASH, signCheckpoint } from "@/lib/audit/chain";
import { resetEnvCache } from "@/lib/env";
import { db, dialect, disconnectDb } from "@/lib/server/db";
import { createPgDatabase, sqliteDatabase } from "../../../scripts/harness/databases.mjs";
import { sealLog, verifyLog } from "../../support/audit";

const MIGRATION = "audit_transparency_log";
const dir = resolve(dialect() === "postgresql" ? "prisma/postgresql/migrations" : "prisma/migrations");
const migrations = readdirSync(dir).filter((d) => /^\d{14}_/.test(d)).sort();
const cut = migrations.findIndex((d) => d.endsWith(MIGRATION));
const sqlOf = (m: string) => readFileSync(resolve(dir, m, "migration.sql"), "utf8");
const original = process.env.DATABASE_URL!;

/** Events and checkpoints exactly as the pre-Merkle appender wrote them. */
function legacyRows(n: number, tamperSeq?: number) {
  const key = Buffer.from(process.env.AUDIT_CHECKPOINT_KEY!, "base64");
  const events: string[] = [];
  const checkpoints: string[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = { seq, at: new Date(Date.UTC(2026, 10, 1, 10, 0, seq)), actorType: "system", actorId: null, actorLabel: "cli", action: "legacy.event", entityType: "Thing", entityId: `t${seq}`, diff: JSON.stringify({ seq }), ip: null };
    const hash = chainHash(e, prev);
    const stored = seq === tamperSeq ? { ...e, action: "legacy.forged" } : e;
    events.push(`(${seq}, '${stored.at.toISOString()}', 'system', NULL, 'cli', '${stored.action}', 'Thing', 't${seq}', '${stored.diff}', NULL, '${prev}', '${hash}')`);
    if (seq % 5 === 0) checkpoints.push(`(${seq}, '${hash}', '${e.at.toISOString()}', '${signCheckpoint(key, seq, hash, e.at)}')`);
    prev = hash;
  }
  return `INSERT INTO "AuditEvent" ("seq", "at", "actorType", "actorId", "actorLabel", "action", "entityType", "entityId", "diff", "ip", "prevHash", "hash") VALUES ${events.join(", ")};
INSERT INTO "AuditCheckpoint" ("seq", "hash", "at", "signature") VALUES ${checkpoints.join(", ")};`;
}

/** A scratch database migrated up to just before the change, with legacy rows, then migrated on. Returns its URL. */
async function scratch(rows: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const before = migrations.slice(0, cut);
  const rest = migrations.slice(cut);
  if (dialect() === "postgresql") {
    const created = await createPgDatabase(`legacy_${randomBytes(4).toString("hex")}`);
    const c = new pg.Client({ connectionString: created.url });
    await c.connect();
    for (const m of before) await c.query(sqlOf(m));
    await c.query(rows);
    for (const m of rest) await c.query(sqlOf(m));
    await c.end();
    return created;
  }
  const created = sqliteDatabase(resolve("data/test", `legacy_${randomBytes(4).toString("hex")}.db`));
  const h = new Database(created.url.slice("file:".length));
  for (const m of before) h.exec(sqlOf(m));
  h.exec(rows);
  for (const m of rest) h.exec(sqlOf(m));
  h.close();
  return created;
}

async function useDatabase(url: string) {
  await disconnectDb();
  process.env.DATABASE_URL = url;
  resetEnvCache();
}

let dropLast: (() => Promise<void>) | null = null;
afterEach(async () => {
  await useDatabase(original);
  await dropLast?.();
  dropLast = null;
});

describe(`the ${MIGRATION} migration`, () => {
  it("keeps the old events' seq and hashes, gives them ids, and new events come after them", async () => {
    const s = await scratch(legacyRows(12));
    dropLast = s.drop;
    await useDatabase(s.url);
    const rows = await db().auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => [r.id, r.seq])).toEqual(rows.map((_, i) => [i + 1, i + 1]));
    expect(rows.every((r) => r.hash && r.prevHash && r.leafHash === null)).toBe(true);
    // Before adoption the verifier says what to do rather than passing.
    expect((await verifyLog()).findings[0]!.reason).toMatch(/not been adopted yet/);
    const next = await db().auditEvent.create({ data: { at: new Date(), actorType: "system", action: "after.migration" } });
    expect(next.id).toBe(13);
  });

  it("adopts a sound old chain as the first leaves: checkpoints checked once, the outcome itself under the first signed head", async () => {
    const s = await scratch(legacyRows(12));
    dropLast = s.drop;
    await useDatabase(s.url);
    const r = await sealLog();
    expect(r?.head).toMatchObject({ headIndex: 1, treeSize: 13, kind: "shutdown" });
    const state = await db().auditTreeState.findUniqueOrThrow({ where: { id: 1 } });
    expect(JSON.parse(state.legacyVerification!)).toMatchObject({ ok: true, events: 12, checkpoints: 2 });
    expect(await db().auditEvent.findUnique({ where: { seq: 13 } })).toMatchObject({ action: "audit.legacy.adopted" });
    expect(await verifyLog()).toMatchObject({ ok: true, events: 13 });
    // The old checkpoints stay as history.
    expect(await db().auditCheckpoint.count()).toBe(2);
  });

  it("an old chain that was tampered with is adopted as it is, and verification names the bad event from then on", async () => {
    const s = await scratch(legacyRows(12, 7));
    dropLast = s.drop;
    await useDatabase(s.url);
    await sealLog();
    expect(await db().auditEvent.findUnique({ where: { seq: 13 } })).toMatchObject({ action: "audit.legacy.adopted-unverified" });
    const v = await verifyLog();
    expect(v).toMatchObject({ ok: false, firstBadSeq: 7 });
    expect(v.findings[0]!.reason).toMatch(/did not verify when it was adopted/);
  });
});
