import "server-only";
// Security-sensitive: the sealed events for the verifier, read through the raw driver in large
// keyset pages of tuples (issue 14: 1M events verified in < 10 s). Building a Prisma object per
// row was most of audit:verify's time; a tuple in the canonical column order lets the verifier
// hash it without building anything else. Order and range are those of sealedEvents (seq order),
// so the checks do not change; a client inside a transaction (tests, the sealer) reads through
// Prisma, which sees what that transaction sees.
import type { CanonicalTuple } from "@/lib/audit/chain";
import { db, pgPool, sqliteHandle, type Tx } from "@/lib/server/db";
import { sealedEvents } from "@/lib/server/audit/tree-store";
import { pgInstantIso, sqliteInstantIso } from "@/lib/server/driver-rows";

/** The canonical fields in canonicalEvent's order (`at` as toISOString()), then the stored leaf hash. */
export type SealedTuple = [...CanonicalTuple, string | null];

/** Rows per statement: large enough that round trips vanish, small enough to stay far below the statement timeout. */
export const VERIFY_PAGE = 20_000;
// After seq and at: the rest of canonicalEvent's fields in its order, then the leaf hash.
const REST = `"actorType", "actorId", "actorLabel", "action", "entityType", "entityId", "diff", "ip", "leafHash"`;
const PG_AT = pgInstantIso(`"at"`);

/** A driver row: a SealedTuple once `at` is in toISOString()'s form (converted in place: no copy per row). */
type Row = [number, unknown, ...SealedTuple extends [number, string, ...infer R] ? R : never];

/** Sealed events with seq >= from, in seq order, a page of tuples at a time. */
export async function* sealedEventPages(client: Tx | ReturnType<typeof db> = db(), from = 1, pageSize = VERIFY_PAGE): AsyncGenerator<SealedTuple[]> {
  if (client === db()) {
    const handle = sqliteHandle();
    if (handle && !handle.inTransaction) return yield* sqlitePages(handle, from, pageSize);
    const pool = pgPool();
    if (pool) return yield* pgPages(pool, from, pageSize);
  }
  let page: SealedTuple[] = [];
  for await (const e of sealedEvents(client, from)) {
    page.push([e.seq, e.at.toISOString(), e.actorType, e.actorId, e.actorLabel, e.action, e.entityType, e.entityId, e.diff, e.ip, e.leafHash]);
    if (page.length === pageSize) {
      yield page;
      page = [];
    }
  }
  if (page.length) yield page;
}

async function* sqlitePages(handle: NonNullable<ReturnType<typeof sqliteHandle>>, from: number, pageSize: number): AsyncGenerator<SealedTuple[]> {
  // The adapter turns on 64-bit integers for the connection; seq is 32-bit (numbers, as Prisma returns them).
  const stmt = handle.prepare(`SELECT "seq", "at", ${REST} FROM "AuditEvent" WHERE "seq" >= ? ORDER BY "seq" LIMIT ?`).raw(true).safeIntegers(false);
  let next = from;
  for (;;) {
    // A later page waits for the caller; on SQLite that wait is a microtask, so the caller
    // gives the event loop its turns (verify-audit.ts yields every 500 events).
    if (handle.inTransaction) throw new Error("audit verify: a transaction opened on the connection while reading");
    const rows = stmt.all(next, pageSize) as Row[];
    for (const r of rows) r[1] = sqliteInstantIso(r[1]);
    if (rows.length) yield rows as SealedTuple[];
    if (rows.length < pageSize) return;
    next = rows[rows.length - 1]![0] + 1;
  }
}

async function* pgPages(pool: NonNullable<ReturnType<typeof pgPool>>, from: number, pageSize: number): AsyncGenerator<SealedTuple[]> {
  const conn = await pool.connect();
  let pending: Promise<{ rows: Row[] }> = Promise.resolve({ rows: [] });
  try {
    const read = (next: number) => {
      const q = conn.query<Row>({ text: `SELECT "seq", ${PG_AT}, ${REST} FROM "AuditEvent" WHERE "seq" >= $1 ORDER BY "seq" LIMIT $2`, values: [next, pageSize], rowMode: "array" });
      // A prefetch that fails is reported when it is awaited, not as an unhandled rejection meanwhile.
      q.catch(() => undefined);
      return q;
    };
    pending = read(from);
    for (;;) {
      const { rows } = await pending;
      // The next page is read while the caller hashes this one (the server's core, not ours).
      const more = rows.length === pageSize;
      if (more) pending = read(rows[rows.length - 1]![0] + 1);
      if (rows.length) yield rows as SealedTuple[];
      if (!more) return;
    }
  } finally {
    // A caller that stops early leaves the prefetch running: let it end before the connection goes back.
    await pending.catch(() => undefined);
    conn.release();
  }
}
