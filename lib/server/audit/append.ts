import "server-only";
// Security-sensitive: records audit events. Always called with the transaction of the
// change it records, so the two commit or fail together. A writer only inserts its row:
// the id comes from the database and nothing is read first, so writers never wait for one
// another's audit work. The sealer (./sealer.ts) later orders committed events into the
// Merkle tree and signs it (docs/decisions/005).
import type BetterSqlite3 from "better-sqlite3";
import { actorId, actorLabel, type Actor } from "@/lib/server/actor";
import { db, type Tx } from "@/lib/server/db";

export type AuditInput = {
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  diff?: Record<string, unknown> | null;
};

/**
 * The fields of a new event: what the sealer hashes into its leaf once it has a seq.
 * Exported for the driver hot paths (SQLite below, PostgreSQL in
 * lib/server/consent/ingest-postgres.ts), so every writer stores the same fields.
 */
export function auditEventFields(actor: Actor, input: AuditInput) {
  return {
    // Millisecond precision is what both dialects store; hashing a finer value would
    // make the stored event fail verification.
    at: new Date(Math.floor(Date.now())),
    actorType: actor.kind,
    actorId: actorId(actor),
    actorLabel: actorLabel(actor),
    action: input.action,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    diff: input.diff ? JSON.stringify(input.diff) : null,
    ip: actor.ip ?? null,
  };
}

export async function appendAudit(tx: Tx, actor: Actor, input: AuditInput) {
  const row = await tx.auditEvent.create({ data: auditEventFields(actor, input), select: { id: true } });
  return { id: row.id };
}

/** DateTime as the Prisma better-sqlite3 adapter stores it (its default "iso8601" format). */
export function sqliteDateTime(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

const insertStatements = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>();

/**
 * appendAudit on the raw better-sqlite3 connection, for a synchronous SQLite hot path
 * (docs/decisions/200): the SAME fields, one prepared INSERT. It must run inside a
 * better-sqlite3 transaction on the connection Prisma uses (sqliteHandle()), so the event
 * commits with the change it records.
 */
export function appendAuditOnSqlite(handle: BetterSqlite3.Database, actor: Actor, input: AuditInput) {
  if (!handle.inTransaction) throw new Error("appendAuditOnSqlite must run inside a transaction");
  let insert = insertStatements.get(handle);
  if (!insert) {
    insert = handle.prepare(
      `INSERT INTO "AuditEvent" ("at", "actorType", "actorId", "actorLabel", "action", "entityType", "entityId", "diff", "ip") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insertStatements.set(handle, insert);
  }
  const f = auditEventFields(actor, input);
  const r = insert.run(sqliteDateTime(f.at), f.actorType, f.actorId, f.actorLabel, f.action, f.entityType, f.entityId, f.diff, f.ip);
  return { id: Number(r.lastInsertRowid) };
}

/** An event that records something on its own (a sign-in failure, a denial). */
export async function recordAudit(actor: Actor, input: AuditInput) {
  return db().$transaction((tx) => appendAudit(tx, actor, input));
}
