import "server-only";
// Security-sensitive: the consent ingest (websites and apps post here). A batch is
// validated whole before anything is written, then recorded in ONE transaction with its
// audit event: subjects, append-only events, evidence, current state and the
// Idempotency-Key record commit together or not at all. One implementation per dialect,
// on its driver (docs/decisions/204): ingest-sqlite.ts (group commit on Prisma's
// better-sqlite3 connection) and ingest-postgres.ts (Prisma's pg pool, four round trips).
// ingest-prisma.ts is the reference they are tested against, reached only with forcePrisma.
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { requestHash } from "@/lib/server/api/idempotency";
import { requirePermission } from "@/lib/server/authz";
import { db, pgPool, sqliteHandle } from "@/lib/server/db";
import { ingestOnSqlite } from "@/lib/server/consent/ingest-sqlite";
import { ingestOnPostgres } from "@/lib/server/consent/ingest-postgres";
import { ingestWithPrisma } from "@/lib/server/consent/ingest-prisma";
import { eventsOfBody, SUBJECT_CONTEXT, type IngestOptions, type IngestResponse } from "@/lib/server/consent/ingest-shared";

export { eventsOfBody, SUBJECT_CONTEXT, type IngestOptions, type IngestResponse };

/** How long an ingest waits for a Prisma transaction on the SQLite connection to end. */
const SQLITE_WAIT_MS = 10_000;

/**
 * On SQLite, the connection Prisma uses, once no Prisma transaction is open on it: a
 * better-sqlite3 transaction started while one is open would nest inside it as a
 * savepoint and commit or roll back with it. Prisma's transactions are short (and time
 * out), so the ingest waits its turn as Prisma's own queries would.
 */
async function freeSqliteHandle() {
  let handle = sqliteHandle();
  if (!handle) {
    await db().$connect();
    handle = sqliteHandle();
  }
  if (!handle) throw new Error("The SQLite connection is not open.");
  const until = Date.now() + SQLITE_WAIT_MS;
  while (handle.inTransaction) {
    if (Date.now() > until) throw new AppError("CONFLICT", "The database stayed busy; retry the request.");
    await new Promise((r) => setTimeout(r, 1));
  }
  return handle;
}

export async function ingestConsentEvents(actor: Actor, body: unknown, opts: IngestOptions = {}): Promise<IngestResponse> {
  await requirePermission(actor, "consent:write", { type: "ConsentEvent" });

  let hash: string | null = null;
  if (opts.idempotency) {
    if (!/^[\x21-\x7e]{1,200}$/.test(opts.idempotency.key)) throw new AppError("VALIDATION", "Idempotency-Key must be 1-200 printable ASCII characters.");
    // The GPC header is part of what was asked, so it is part of the request's identity.
    hash = requestHash({ body, gpc: !!opts.requestGpc });
  }
  if (opts.forcePrisma) return ingestWithPrisma(actor, body, opts, hash);

  const pool = pgPool();
  if (pool) return ingestOnPostgres(pool, actor, body, opts, hash);
  // No await between the wait and the synchronous reads in ingestOnSqlite; its write
  // joins the group commit, which checks the connection again.
  return ingestOnSqlite(await freeSqliteHandle(), actor, body, opts, hash);
}
