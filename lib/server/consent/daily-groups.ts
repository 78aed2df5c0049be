import "server-only";
// The consent ledger's events per UTC day, purpose and action over a window, in one
// grouped query (the rates chart on /consent and the home dashboard's trend). One query
// per day cost a round trip and a query plan each: 30-90 per page view.
import { dayWindows } from "@/lib/dashboard/series";
import { db, dialect } from "@/lib/server/db";
import { sqliteDateTime } from "@/lib/server/audit/append";
import { pgDateTime } from "@/lib/server/consent/ingest-postgres";

export type ConsentDayGroup = { purposeId: string; action: string; _count: { _all: number } };

type Row = { day: string; purposeId: string; action: string; n: bigint | number };

/**
 * Counts in [start, end) grouped by UTC day. SQLite stores DateTime as ISO text in UTC
 * ("…+00:00", the format the app and the ingest hot path write), so the day is its first
 * ten characters and the bounds are compared in the same format; PostgreSQL keeps UTC
 * timestamps without a zone.
 */
async function groupedByDay(start: Date, end: Date): Promise<Row[]> {
  if (dialect() === "postgresql") {
    return db().$queryRaw<Row[]>`SELECT to_char("occurredAt", 'YYYY-MM-DD') AS "day", "purposeId", "action", COUNT(*) AS "n"
      FROM "ConsentEvent" WHERE "occurredAt" >= ${pgDateTime(start)}::timestamp AND "occurredAt" < ${pgDateTime(end)}::timestamp
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
  }
  return db().$queryRaw<Row[]>`SELECT substr("occurredAt", 1, 10) AS "day", "purposeId", "action", COUNT(*) AS "n"
    FROM "ConsentEvent" WHERE "occurredAt" >= ${sqliteDateTime(start)} AND "occurredAt" < ${sqliteDateTime(end)}
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
}

/** Per UTC day of the last `days` ending today (oldest first), the events grouped by purpose and action. */
export async function consentDailyGroups(days: number, now: Date): Promise<{ day: string; groups: ConsentDayGroup[] }[]> {
  const windows = dayWindows(days, now);
  const rows = await groupedByDay(windows[0]!.start, windows.at(-1)!.end);
  const byDay = new Map<string, ConsentDayGroup[]>(windows.map((w) => [w.day, []]));
  for (const r of rows) byDay.get(r.day)?.push({ purposeId: r.purposeId, action: r.action, _count: { _all: Number(r.n) } });
  return windows.map((w) => ({ day: w.day, groups: byDay.get(w.day)! }));
}
