import "server-only";
// Security-sensitive: appends to the hash-chained audit log. Always called with the
// transaction of the change it records, so the two commit or fail together.
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

export async function appendAudit(tx: Tx, actor: Actor, input: AuditInput) {
  if (dialect() === "postgresql") {
    // Held until the transaction ends; SQLite already serialises writers.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_ID})`;
  }
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const fields = {
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
