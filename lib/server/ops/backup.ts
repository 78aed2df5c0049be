import "server-only";
// Backup and restore of the SQLite database (docs/decisions/009). PostgreSQL uses
// pg_dump / pg_restore (docs/operations.md); the same audit verification follows both.
import { createHash } from "node:crypto";
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import type { LogReport } from "@/lib/audit/verify-log";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { verifyAuditLog } from "@/lib/server/audit/verify-audit";
import { db, dialect, disconnectDb } from "@/lib/server/db";
import { env } from "@/lib/env";
import { runningServer } from "@/lib/server/ops/running-server";

export function sqliteFile(): string {
  if (dialect() !== "sqlite") throw new Error("backup/restore here is for SQLite; for PostgreSQL use pg_dump / pg_restore (docs/operations.md).");
  return resolve(env().DATABASE_URL.slice("file:".length));
}

/** A consistent online copy: VACUUM INTO reads one snapshot, even while the app writes. */
export async function backupSqlite(out: string) {
  const file = resolve(out);
  if (existsSync(file)) throw new Error(`${file} exists; choose a new file name`);
  sqliteFile();
  await db().$executeRaw`VACUUM INTO ${file}`;
  return file;
}

function checkBackupFile(from: string) {
  const b = new Database(from, { readonly: true, fileMustExist: true });
  try {
    const integrity = b.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${from} fails SQLite's integrity check: ${String(integrity)}`);
    if (!b.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'AuditEvent'").get()) throw new Error(`${from} is not a backup of this app (no AuditEvent table)`);
  } finally {
    b.close();
  }
}

/**
 * Replaces the database with `from`. Refuses while a server runs on it; removes the old
 * file's -wal and -shm (they belong to the replaced database and would be replayed over the
 * restored one); then verifies the restored audit log.
 */
export async function restoreSqlite(from: string, opts: { now?: Date } = {}): Promise<{ target: string; report: LogReport }> {
  const source = resolve(from);
  if (!existsSync(source)) throw new Error(`${source} does not exist`);
  const target = sqliteFile();
  checkBackupFile(source);
  if (existsSync(target)) {
    const running = await runningServer(opts.now);
    if (running) throw new Error(`A server appears to be running on ${target}: ${running}. Stop it (or wait for a crashed one's lease to expire, at most a minute) and try again.`);
  }
  await disconnectDb();
  const tmp = `${target}.restore-${process.pid}`;
  copyFileSync(source, tmp);
  const fd = openSync(tmp, "r+");
  fsyncSync(fd);
  closeSync(fd);
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(tmp, target);
  return { target, report: await verifyAuditLog(SYSTEM_CLI) };
}

/** Per table: row count and a SHA-256 over its rows in rowid order (the round-trip test's comparison). */
export function sqliteTableDigests(file: string): Record<string, { rows: number; sha256: string }> {
  const d = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = d.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    const out: Record<string, { rows: number; sha256: string }> = {};
    for (const { name } of tables) {
      const h = createHash("sha256");
      let rows = 0;
      for (const row of d.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}" ORDER BY rowid`).iterate()) {
        h.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("base64") : typeof v === "bigint" ? v.toString() : v)));
        rows++;
      }
      out[name] = { rows, sha256: h.digest("hex") };
    }
    return out;
  } finally {
    d.close();
  }
}
