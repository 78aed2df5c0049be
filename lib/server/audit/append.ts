import "server-only";
// Security-sensitive: appends to the hash-chained audit log. Always called with the
// transaction of the change it records, so the two commit or fail together.
import type BetterSqlite3 from "better-sqlite3";
import { chainHash, GENESIS_HASH, signCheckpoint } from "@/lib/audit/chain";
import { actorId, actorLabel, type Actor } from "@/lib/server/actor";
import { db, dialect, type Tx } from "@/lib/server/db";
import { checkpointKey } from "@/lib/server/keys";

export const CHECKPOINT_EVERY = 50;
// Any constant: serialises appenders across app instances sharing one PostgreSQL.
const AUDIT_LOCK_ID = 7_263_001;

export type AuditInput = {
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  diff?: Record<string, unknown> | null;
};

/** The chained fields of the next event after `last`: what both appenders hash and store. */
function nextFields(last: { seq: number } | null | undefined, actor: Actor, input: AuditInput) {
  return {
    seq: (last?.seq ?? 0) + 1,
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
  if (dialect() === "postgresql") {
    // Held until the transaction ends; SQLite already serialises writers.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_ID})`;
  }
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const fields = nextFields(last, actor, input);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = chainHash(fields, prevHash);
  await tx.auditEvent.create({ data: { ...fields, prevHash, hash } });
  if (fields.seq % CHECKPOINT_EVERY === 0) {
    await writeCheckpoint(tx, fields.seq, hash);
  }
  return { seq: fields.seq, hash };
}

export async function writeCheckpoint(tx: Tx, seq: number, hash: string) {
  const at = new Date();
  await tx.auditCheckpoint.upsert({
    where: { seq },
    create: { seq, hash, at, signature: signCheckpoint(checkpointKey(), seq, hash, at) },
    update: {},
  });
}

/** DateTime as the Prisma better-sqlite3 adapter stores it (its default "iso8601" format). */
export function sqliteDateTime(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

type AuditStatements = { last: BetterSqlite3.Statement; insert: BetterSqlite3.Statement; checkpoint: BetterSqlite3.Statement };
const auditStatements = new WeakMap<BetterSqlite3.Database, AuditStatements>();

/**
 * appendAudit on the raw better-sqlite3 connection, for a synchronous SQLite hot path
 * (docs/decisions/200). The SAME fields and chainHash as appendAudit; it must be called
 * inside a better-sqlite3 transaction on the connection Prisma uses (sqliteHandle()), so
 * the read of the tail and the insert cannot interleave with another appender.
 */
export function appendAuditOnSqlite(handle: BetterSqlite3.Database, actor: Actor, input: AuditInput) {
  if (!handle.inTransaction) throw new Error("appendAuditOnSqlite must run inside a transaction");
  let st = auditStatements.get(handle);
  if (!st) {
    st = {
      last: handle.prepare(`SELECT "seq", "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1`).safeIntegers(false),
      insert: handle.prepare(
        `INSERT INTO "AuditEvent" ("seq", "at", "actorType", "actorId", "actorLabel", "action", "entityType", "entityId", "diff", "ip", "prevHash", "hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      checkpoint: handle.prepare(`INSERT INTO "AuditCheckpoint" ("seq", "hash", "at", "signature") VALUES (?, ?, ?, ?) ON CONFLICT ("seq") DO NOTHING`),
    };
    auditStatements.set(handle, st);
  }
  const last = st.last.get() as { seq: number; hash: string } | undefined;
  const fields = nextFields(last, actor, input);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = chainHash(fields, prevHash);
  const f = fields;
  st.insert.run(f.seq, sqliteDateTime(f.at), f.actorType, f.actorId, f.actorLabel, f.action, f.entityType, f.entityId, f.diff, f.ip, prevHash, hash);
  if (f.seq % CHECKPOINT_EVERY === 0) {
    const at = new Date();
    st.checkpoint.run(f.seq, hash, sqliteDateTime(at), signCheckpoint(checkpointKey(), f.seq, hash, at));
  }
  return { seq: f.seq, hash };
}

/** An event that records something on its own (a sign-in failure, a denial). */
export async function recordAudit(actor: Actor, input: AuditInput) {
  return db().$transaction((tx) => appendAudit(tx, actor, input));
}

/** Signs the current tail so that truncating it later is detected. */
export async function checkpointTail() {
  return db().$transaction(async (tx) => {
    const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
    if (!last) return null;
    await writeCheckpoint(tx, last.seq, last.hash);
    return last.seq;
  });
}
