import "server-only";
// Human-readable numbers (INC-2026-0042) from a counter row per (kind, year), incremented in the
// caller's transaction, the one that inserts the numbered row. Reading max+1 instead let two
// concurrent creates pick the same number on PostgreSQL (READ COMMITTED: neither sees the
// other's uncommitted row); the counter row's lock makes the second wait for the first to
// commit or roll back, and a rolled-back create leaves no gap. SQLite has one writer at a time.
// See docs/decisions/006-concurrent-writes.md.
import type { Tx } from "@/lib/server/db";

/**
 * The next number of `kind` in `year`. `floor` gives the highest number already in use and is
 * asked only when the (kind, year) has no counter yet, so a counter never starts below
 * existing data (the migration seeded counters for the data present at the time).
 */
export async function nextNumber(tx: Tx, kind: string, year: number, floor: () => Promise<number>): Promise<number> {
  const bumped = await tx.$queryRaw<{ last: number | bigint }[]>`UPDATE "ReferenceCounter" SET "last" = "last" + 1 WHERE "kind" = ${kind} AND "year" = ${year} RETURNING "last"`;
  if (bumped[0]) return Number(bumped[0].last);
  const start = (await floor()) + 1;
  // Two first creates of a year: the second's insert waits for the first's row and then
  // takes the update branch, so it still gets the next number.
  const rows = await tx.$queryRaw<{ last: number | bigint }[]>`
    INSERT INTO "ReferenceCounter" ("kind", "year", "last") VALUES (${kind}, ${year}, ${start})
    ON CONFLICT ("kind", "year") DO UPDATE SET "last" = "ReferenceCounter"."last" + 1
    RETURNING "last"`;
  return Number(rows[0]!.last);
}

/** The highest NNNN among references `${prefix}NNNN` (numeric, so 10000 sorts above 9999). */
export function highestNumber(references: readonly string[], prefix: string): number {
  let max = 0;
  for (const r of references) {
    const n = Number(r.slice(prefix.length));
    if (r.startsWith(prefix) && Number.isInteger(n) && n > max) max = n;
  }
  return max;
}
