import "server-only";
// Idempotency-Key support for POST endpoints (clients retry on timeouts; a retry must
// not write twice). The key is scoped to its caller, so one client cannot read another's
// stored response by guessing keys.
//
// The key is claimed first, inside the write's own transaction, and the response is stored
// in that transaction too: the claim and the write commit or roll back together. A concurrent
// duplicate's claim waits on the first one's uncommitted row (PostgreSQL) or for the single
// writer (SQLite), then finds the stored response and replays it; it never writes a second
// time (docs/decisions/006-concurrent-writes.md).
import { createHash, randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { db, type Tx } from "@/lib/server/db";

export function requestHash(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body ?? null)).digest("hex");
}

export type StoredResponse = { status: number; body: unknown };

/**
 * Runs a write's transaction. lib/server writes that the API calls with an Idempotency-Key take
 * one (default: a plain transaction) and open their transaction through it, after their
 * permission check and validation, so the claim is part of the same transaction.
 */
export type Transact = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

export const plainTransaction: Transact = (work) => db().$transaction(work);

// Duplicates wait on the first request's transaction while holding a pooled connection; the
// defaults (2 s to get one, 5 s to finish) are too short for a burst of twenty.
const CLAIMED_TX = { maxWait: 10_000, timeout: 30_000 };
// status of a claim whose response is not stored yet: never committed (the response is
// written in the claiming transaction), so seeing it means a transaction is still open.
const PENDING = 0;

type IdempotencyRow = { requestHash: string; status: number; responseBody: string };

/** Thrown out of the write when the key turns out to be answered already. */
class Replay {
  constructor(readonly response: StoredResponse) {}
}

function answerOf(row: IdempotencyRow, hash: string): StoredResponse | null {
  if (row.requestHash !== hash) throw new AppError("CONFLICT", "This Idempotency-Key was already used with a different request body.");
  return row.status === PENDING ? null : { status: row.status, body: JSON.parse(row.responseBody) };
}

const inFlight = () => new AppError("IDEMPOTENCY_IN_FLIGHT", "A request with this Idempotency-Key is still being processed; retry shortly to get its response.");

/** Inserts the claim row; null if this transaction owns the key now, else the row that holds it. */
async function claim(tx: Tx, scope: string, key: string, hash: string): Promise<IdempotencyRow | null> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "IdempotencyRecord" ("id", "scope", "key", "requestHash", "status", "responseBody", "createdAt")
    VALUES (${randomUUID()}, ${scope}, ${key}, ${hash}, ${PENDING}, ${""}, ${new Date()})
    ON CONFLICT ("scope", "key") DO NOTHING`;
  if (inserted === 1) return null;
  const row = await tx.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
  // Gone between the conflict and the read: its owner gave it up a moment ago.
  if (!row) throw inFlight();
  return row;
}

/**
 * Runs `write` once per (scope, key). `write` must open its transaction through the Transact
 * it is given; `respond` turns that transaction's result into the response to store and send
 * (so everything the response shows is read inside the transaction). A repeat with the same
 * body gets the stored response; another body is a 409. Only 2xx responses are stored: a
 * failed attempt leaves no claim behind and can be retried with the same key.
 */
export async function withIdempotency<T>(
  scope: string,
  key: string | null,
  body: unknown,
  write: (transact: Transact) => Promise<T>,
  respond: (result: T) => StoredResponse,
): Promise<StoredResponse & { replayed: boolean }> {
  if (!key) return { ...respond(await write(plainTransaction)), replayed: false };
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw new AppError("VALIDATION", "Idempotency-Key must be 1-200 printable ASCII characters.");
  const hash = requestHash(body);
  // An answered key is replayed without running the write's checks again. A pending row can
  // only be seen on SQLite (reads outside a transaction share the connection with the open
  // one); the claim below waits for that transaction instead of guessing.
  const done = await db().idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
  const early = done && answerOf(done, hash);
  if (early) return { ...early, replayed: true };

  const outcome: { stored: StoredResponse | null } = { stored: null };
  const claimed: Transact = (work) => {
    if (outcome.stored) throw new Error("an idempotent write opens one transaction");
    return db().$transaction(async (tx) => {
      const prior = await claim(tx, scope, key, hash);
      if (prior) {
        const answer = answerOf(prior, hash);
        throw answer ? new Replay(answer) : inFlight();
      }
      const result = await work(tx);
      const res = respond(result as unknown as T);
      const where = { scope_key: { scope, key } };
      if (res.status >= 200 && res.status < 300) {
        await tx.idempotencyRecord.update({ where, data: { status: res.status, responseBody: JSON.stringify(res.body) } });
      } else {
        await tx.idempotencyRecord.delete({ where });
      }
      outcome.stored = res;
      return result;
    }, CLAIMED_TX);
  };
  try {
    const result = await write(claimed);
    // What was stored is what every replay will get, so the first answer is the same.
    return { ...(outcome.stored ?? respond(result)), replayed: false };
  } catch (e) {
    if (e instanceof Replay) return { ...e.response, replayed: true };
    throw e;
  }
}
