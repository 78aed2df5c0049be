import "server-only";
// The consent hot paths run on each dialect's driver, on the connection (SQLite) or pool
// (PostgreSQL) Prisma itself uses (docs/decisions/204): ingest-sqlite.ts and
// ingest-postgres.ts, the subject lookup in subjects.ts and the API-key check in
// lib/server/api-keys/authenticate-api-key.ts. Their SQL is hand-written, so a
// schema change that breaks it must stop the server at start-up, not the first ingest:
// this self-check prepares (SQLite) or plans (PostgreSQL, EXPLAIN, nothing written) every
// hot-path statement against the live schema. Called from instrumentation.ts.
import { db, pgPool, sqliteHandle } from "@/lib/server/db";
import { checkSqliteStatements } from "@/lib/server/consent/ingest-sqlite";
import { checkPostgresStatements } from "@/lib/server/consent/ingest-postgres";
import { checkLookupStatements } from "@/lib/server/consent/subjects";
import { checkApiKeyStatement } from "@/lib/server/api-keys/authenticate-api-key";

export async function consentHotPathSelfCheck(): Promise<"sqlite" | "postgresql"> {
  await db().$connect();
  const handle = sqliteHandle();
  const pool = pgPool();
  try {
    if (handle) checkSqliteStatements(handle);
    else if (pool) await checkPostgresStatements(pool);
    else throw new Error("no driver connection to check");
    await checkLookupStatements();
    await checkApiKeyStatement();
  } catch (e) {
    throw new Error(`consent hot path self-check failed (does the schema match the hand-written SQL in lib/server/consent/ingest-*.ts?): ${(e as Error).message}`);
  }
  return handle ? "sqlite" : "postgresql";
}
