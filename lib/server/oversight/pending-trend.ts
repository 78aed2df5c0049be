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
  const rows = await db().oversightDecision.findMany({
    where: {
      OR: [
        { requiredApprovals: { gt: 0 }, createdAt: { lt: end }, OR: [{ decidedAt: null }, { decidedAt: { gte: start } }] },
        { slaBreachedAt: { gte: start, lt: end } },
      ],
    },
    select: { createdAt: true, decidedAt: true, slaBreachedAt: true, requiredApprovals: true },
  });
  const points: PendingTrendPoint[] = windows.map((w) => {
    const at = w.end < now ? w.end : now;
    let pending = 0;
    let slaBreaches = 0;
    let newForReview = 0;
    for (const r of rows) {
      if (r.requiredApprovals > 0) {
        if (r.createdAt < at && (!r.decidedAt || r.decidedAt >= at)) pending++;
        if (r.createdAt >= w.start && r.createdAt < w.end) newForReview++;
      }
      if (r.slaBreachedAt && r.slaBreachedAt >= w.start && r.slaBreachedAt < w.end) slaBreaches++;
    }
    return { day: w.day, pending, slaBreaches, newForReview };
  });
  return { days: parsed.data, points, slaBreaches: points.reduce((n, p) => n + p.slaBreaches, 0), pendingNow: points.at(-1)?.pending ?? 0 };
}
