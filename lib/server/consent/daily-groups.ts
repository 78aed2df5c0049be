import "server-only";
// The consent ledger's events per UTC day, purpose and action over a window, in one
// grouped query (the rates chart on /consent and the home dashboard's trend). One query
// per day cost a round trip and a query plan each: 30-90 per page view.
import { dayWindows } from "@/lib/dashboard/series";
import { db } from "@/lib/server/db";
import { sqlInstant, sqlUtcDay } from "@/lib/server/sql-days";

export type ConsentDayGroup = { purposeId: string; action: string; _count: { _all: number } };

type Row = { day: string; purposeId: string; action: string; n: bigint | number };

/** Counts in [start, end) grouped by UTC day (lib/server/sql-days.ts: the same SQL on both dialects). */
async function groupedByDay(start: Date, end: Date): Promise<Row[]> {
  return db().$queryRaw<Row[]>`SELECT ${sqlUtcDay("occurredAt")} AS "day", "purposeId", "action", COUNT(*) AS "n"
    FROM "ConsentEvent" WHERE "occurredAt" >= ${sqlInstant(start)} AND "occurredAt" < ${sqlInstant(end)}
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
