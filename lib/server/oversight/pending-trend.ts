import "server-only";
// Decisions waiting for a person and SLA breaches, per UTC day over the last 30 (or 90)
// days, for the home dashboard. "Pending" is the number of decisions sent for human
// review that were still undecided at the end of that day (or now, for today).
import { z } from "zod";
import { dayWindows } from "@/lib/dashboard/series";
import { AppError, zodDetails } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

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
  const rows = await trendRows(start, end);
  const nowMs = now.getTime();
  const points: PendingTrendPoint[] = windows.map((w) => {
    const ws = w.start.getTime();
    const we = w.end.getTime();
    const at = Math.min(we, nowMs);
    let pending = 0;
    let slaBreaches = 0;
    let newForReview = 0;
    for (const r of rows) {
      if (r.review) {
        if (r.created < at && (r.decided === null || r.decided >= at)) pending++;
        if (r.created >= ws && r.created < we) newForReview++;
      }
      if (r.breached !== null && r.breached >= ws && r.breached < we) slaBreaches++;
    }
    return { day: w.day, pending, slaBreaches, newForReview };
  });
  return { days: parsed.data, points, slaBreaches: points.reduce((n, p) => n + p.slaBreaches, 0), pendingNow: points.at(-1)?.pending ?? 0 };
}

const TREND_SELECT = { id: true, createdAt: true, decidedAt: true, slaBreachedAt: true, requiredApprovals: true } as const;

/**
 * The decisions behind the trend: sent for review and undecided, or decided in the window
 * (both on the decidedAt index), and those whose SLA was breached in it (slaBreachedAt
 * index). Three indexed reads instead of one OR the planners answered with a full scan;
 * a decision in more than one is counted once. Times as epoch ms for the per-day loop.
 */
async function trendRows(start: Date, end: Date) {
  const review = { requiredApprovals: { gt: 0 }, createdAt: { lt: end } };
  const lists = await Promise.all([
    db().oversightDecision.findMany({ where: { ...review, decidedAt: null }, select: TREND_SELECT }),
    db().oversightDecision.findMany({ where: { ...review, decidedAt: { gte: start } }, select: TREND_SELECT }),
    db().oversightDecision.findMany({ where: { slaBreachedAt: { gte: start, lt: end } }, select: TREND_SELECT }),
  ]);
  const byId = new Map<string, { review: boolean; created: number; decided: number | null; breached: number | null }>();
  for (const r of lists.flat()) {
    byId.set(r.id, { review: r.requiredApprovals > 0, created: r.createdAt.getTime(), decided: r.decidedAt?.getTime() ?? null, breached: r.slaBreachedAt?.getTime() ?? null });
  }
  return [...byId.values()];
}
