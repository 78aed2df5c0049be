// Security-sensitive: the audit log's hash chain. hash = SHA-256(canonical(event) || prevHash).
// Pure code: the writer (lib/server/audit) and the verifier both use it, so they cannot
// disagree about what was hashed.
import { createHash, createHmac } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type ChainedFields = {
  seq: number;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  diff: string | null;
  ip: string | null;
};

/** The hashed fields in their fixed order, `at` as toISOString(): what a raw-driver reader hands in. */
export type CanonicalTuple = [
  seq: number,
  at: string,
  actorType: string,
  actorId: string | null,
  actorLabel: string | null,
  action: string,
  entityType: string | null,
  entityId: string | null,
  diff: string | null,
  ip: string | null,
];

/** Fixed key order and explicit nulls, so the same event always gives the same bytes. */
export function canonicalEvent(e: ChainedFields): string {
  return canonicalTuple([e.seq, e.at.toISOString(), e.actorType, e.actorId, e.actorLabel, e.action, e.entityType, e.entityId, e.diff, e.ip]);
}

/**
 * The same bytes from a tuple. `extra` trailing elements (a stored leaf hash after the ten
 * fields) are not hashed: the reader's row is used as it is, without a copy per event.
 */
export function canonicalTuple(t: Readonly<CanonicalTuple> | Readonly<[...CanonicalTuple, ...unknown[]]>): string {
  return t.length === 10 ? JSON.stringify(t) : JSON.stringify(t.slice(0, 10));
}

export function chainHash(e: ChainedFields, prevHash: string): string {
  return createHash("sha256").update(canonicalEvent(e)).update(prevHash).digest("hex");
}

export function signCheckpoint(key: Buffer, seq: number, hash: string, at: Date): string {
  return createHmac("sha256", key).update(`${seq}|${hash}|${at.toISOString()}`).digest("hex");
}

export type StoredEvent = ChainedFields & { prevHash: string; hash: string };
export type StoredCheckpoint = { seq: number; hash: string; at: Date; signature: string };

export type VerifyResult =
  | { ok: true; events: number; checkpoints: number; lastSeq: number }
  | { ok: false; firstBadSeq: number; reason: string };

/**
 * Walks the chain in seq order. Catches an altered event (its hash no longer matches),
 * a deleted one (a gap in seq), a reordered pair (prevHash no longer links), an inserted
 * one (seq or link breaks) and, through the signed checkpoints, a truncated tail or a
 * chain recomputed from scratch.
 */
export function verifyChain(
  events: Iterable<StoredEvent>,
  checkpoints: StoredCheckpoint[],
  checkpointKey: Buffer,
): VerifyResult {
  const cps = new Map<number, StoredCheckpoint>();
  for (const cp of checkpoints) {
    if (signCheckpoint(checkpointKey, cp.seq, cp.hash, cp.at) !== cp.signature) {
      return { ok: false, firstBadSeq: cp.seq, reason: `checkpoint at seq ${cp.seq} has an invalid signature` };
    }
    cps.set(cp.seq, cp);
  }
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const e of events) {
    if (e.seq !== expectedSeq) {
      return {
        ok: false,
        firstBadSeq: expectedSeq,
        reason: e.seq > expectedSeq ? `event ${expectedSeq} is missing` : `event ${e.seq} is out of order`,
      };
    }
    if (e.prevHash !== prevHash) {
      return { ok: false, firstBadSeq: e.seq, reason: `event ${e.seq} does not link to event ${e.seq - 1}` };
    }
    const hash = chainHash(e, prevHash);
    if (hash !== e.hash) {
      return { ok: false, firstBadSeq: e.seq, reason: `event ${e.seq} was altered (hash mismatch)` };
    }
    const cp = cps.get(e.seq);
    if (cp && cp.hash !== hash) {
      return { ok: false, firstBadSeq: e.seq, reason: `event ${e.seq} differs from its signed checkpoint` };
    }
    prevHash = hash;
    expectedSeq++;
    count++;
  }
  const lastSeq = expectedSeq - 1;
  const beyond = checkpoints.filter((cp) => cp.seq > lastSeq).sort((a, b) => a.seq - b.seq)[0];
  if (beyond) {
    return {
      ok: false,
      firstBadSeq: lastSeq + 1,
      reason: `events ${lastSeq + 1}..${beyond.seq} are missing: a signed checkpoint covers seq ${beyond.seq}`,
    };
  }
  return { ok: true, events: count, checkpoints: checkpoints.length, lastSeq };
}
