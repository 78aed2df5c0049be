import "server-only";
// Decisions waiting for a person and SLA breaches, per UTC day over the last 30 (or 90)
// days, for the home dashboard. "Pending" is the number of decisions sent for human
// review that were still undecided at the end of that day (or now, for today).
import { z } from "zod";
import { dayWindows } from "@/lib/dashboard/series";
import { AppError, zodDetails } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { sqlInstant, sqlUtcDay } from "@/lib/server/sql-days";

export type PendingTrendPoint = { day: string; pending: number; slaBreaches: number; newForReview: number };

const daysSchema = z.number().int().min(1).max(90);

export async function decisionsPendingTrend(actor: Actor, opts: { days?: unknown; now?: Date } = {}) {
  await requirePermission(actor, "oversight:read", { type: "OversightDecision" });
  const parsed = daysSchema.safeParse(opts.days ?? 30);
  if (!parsed.success) throw new AppError("VALIDATION", "days must be a whole number from 1 to 90.", zodDetails(parsed.error.issues));
  const now = opts.now ?? new Date();
  const windows = dayWindows(parsed.data, now);
  const start = windows[0]!.start;
  const end = windows.at(-1)!.end;
  const counts = await trendCounts(start, now, end);
  // pending at `at` = sent for review before `at` and not decided before it; from the pending
  // count at the window's start, add each day's new reviews and subtract its decisions.
  let pending = counts.pendingAtStart;
  const points: PendingTrendPoint[] = windows.map((w) => {
    const created = counts.created.get(w.day) ?? 0;
    pending += created - (counts.decided.get(w.day) ?? 0);
    return { day: w.day, pending, slaBreaches: counts.breached.get(w.day) ?? 0, newForReview: created };
  });
  return { days: parsed.data, points, slaBreaches: points.reduce((n, p) => n + p.slaBreaches, 0), pendingNow: points.at(-1)?.pending ?? 0 };
}

type DayCount = { day: string; n: bigint | number };
const byDay = (rows: DayCount[]) => new Map(rows.map((r) => [r.day, Number(r.n)]));

/**
 * The trend as counts, not rows: decisions sent for review and still pending at `start`,
 * and per UTC day those sent for review and those decided (both before `now`, as a day's
 * "end" is now for today) and the SLA breaches. Five aggregate reads on the createdAt,
 * decidedAt and slaBreachedAt indexes; loading the decisions themselves (7,000 at the
 * standard dataset's 5,000 pending) cost the dashboard ~30 ms. A decision is decided after it
 * was created, so "decided before t" implies "sent before t".
 */
async function trendCounts(start: Date, now: Date, end: Date) {
  const perDay = (col: string, where: Prisma.Sql) =>
    db().$queryRaw<DayCount[]>`SELECT ${sqlUtcDay(col)} AS "day", COUNT(*) AS "n" FROM "OversightDecision" WHERE ${where} GROUP BY 1`;
  const [undecided, decidedLater, created, decided, breached] = await Promise.all([
    db().$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS "n" FROM "OversightDecision" WHERE "decidedAt" IS NULL AND "requiredApprovals" > 0 AND "createdAt" < ${sqlInstant(start)}`,
    db().$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS "n" FROM "OversightDecision" WHERE "decidedAt" >= ${sqlInstant(start)} AND "requiredApprovals" > 0 AND "createdAt" < ${sqlInstant(start)}`,
    perDay("createdAt", Prisma.sql`"createdAt" >= ${sqlInstant(start)} AND "createdAt" < ${sqlInstant(now)} AND "requiredApprovals" > 0`),
    perDay("decidedAt", Prisma.sql`"decidedAt" >= ${sqlInstant(start)} AND "decidedAt" < ${sqlInstant(now)} AND "requiredApprovals" > 0`),
    perDay("slaBreachedAt", Prisma.sql`"slaBreachedAt" >= ${sqlInstant(start)} AND "slaBreachedAt" < ${sqlInstant(end)}`),
  ]);
  return { pendingAtStart: Number(undecided[0]?.n ?? 0) + Number(decidedLater[0]?.n ?? 0), created: byDay(created), decided: byDay(decided), breached: byDay(breached) };
}
