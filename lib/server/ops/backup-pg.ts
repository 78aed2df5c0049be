import "server-only";
// PostgreSQL backup and restore through pg_dump / pg_restore (docs/decisions/009,
// docs/operations.md). The tools must be on PATH in the client's major version or newer.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { LogReport } from "@/lib/audit/verify-log";
import { env } from "@/lib/env";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { verifyAuditLog } from "@/lib/server/audit/verify-audit";
import { db, disconnectDb } from "@/lib/server/db";
import { runningServer } from "@/lib/server/ops/running-server";

/** libpq understands the URL but not Prisma's own query parameters (schema, connection_limit). */
function libpqUrl(): string {
  const u = new URL(env().DATABASE_URL);
  u.search = "";
  return u.toString();
}

function run(tool: string, args: string[]) {
  try {
    execFileSync(tool, args, { stdio: ["ignore", "ignore", "pipe"] });
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer };
    if (err.code === "ENOENT") throw new Error(`${tool} is not installed (or not on PATH); see docs/operations.md`);
    throw new Error(`${tool} failed: ${err.stderr?.toString().trim().split("\n").slice(-3).join(" ") ?? String(e)}`);
  }
}

export async function backupPostgres(out: string) {
  const file = resolve(out);
  if (existsSync(file)) throw new Error(`${file} exists; choose a new file name`);
  // Custom format: compressed, restorable table by table; one snapshot (pg_dump's own transaction).
  run("pg_dump", ["--format=custom", "--no-owner", "--file", file, libpqUrl()]);
  return file;
}

export async function restorePostgres(from: string): Promise<{ report: LogReport }> {
  const source = resolve(from);
  if (!existsSync(source)) throw new Error(`${source} does not exist`);
  const running = await runningServer();
  if (running) throw new Error(`A server appears to be running on this database: ${running}. Stop every instance and try again.`);
  await disconnectDb();
  // One transaction: a failed restore leaves the database as it was.
  run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "--dbname", libpqUrl(), source]);
  // pg_restore copies rows, not the planner's statistics: without ANALYZE the restored
  // tables are planned from defaults until autovacuum gets to them (docs/decisions/702).
  await db().$executeRaw`ANALYZE`;
  return { report: await verifyAuditLog(SYSTEM_CLI) };
}
