import "server-only";
// Consent rates per purpose over time, aggregated on the server for the chart: per UTC
// day, the share of that day's decisions that were grants (grant/opt_in) rather than
// refusals (withdraw/opt_out). Signals derived from GPC count as opt-outs.
import { isTrendDays } from "@/lib/dashboard/series";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { consentDailyGroups as dailyGroups } from "./daily-groups";

export type ConsentRatePoint = { day: string } & Record<string, number | string | null>;

export async function consentRates(actor: Actor, opts: { days?: number; now?: Date } = {}) {
  await requirePermission(actor, "consent:read", { type: "ConsentEvent" });
  const days = Math.min(Math.max(opts.days ?? 30, 1), 90);
  const now = opts.now ?? new Date();
  const purposes = await db().consentPurpose.findMany({ where: { archivedAt: null }, select: { id: true, key: true }, orderBy: { key: "asc" } });
  const keyOf = new Map(purposes.map((p) => [p.id, p.key]));
  const points: ConsentRatePoint[] = [];
  for (const { day, groups } of await dailyGroups(days, now)) {
    const tally = new Map<string, { yes: number; all: number }>();
    for (const g of groups) {
      const t = tally.get(g.purposeId) ?? { yes: 0, all: 0 };
      t.all += g._count._all;
      if (g.action === "grant" || g.action === "opt_in") t.yes += g._count._all;
      tally.set(g.purposeId, t);
    }
    const point: ConsentRatePoint = { day };
    for (const [id, t] of tally) point[keyOf.get(id) ?? id] = Math.round((t.yes / t.all) * 1000) / 10;
    points.push(point);
  }
  return { purposes: purposes.map((p) => p.key), points };
}

export type ConsentTrendPoint = { day: string; grants: number; withdrawals: number; optOuts: number };

/**
 * The home dashboard's consent trend: per UTC day, grants (grant/opt_in) against
 * withdrawals and opt-outs (GPC-derived opt-outs included), over 30 or 90 days.
 */
export async function consentTrend(actor: Actor, opts: { days?: unknown; now?: Date } = {}) {
  await requirePermission(actor, "consent:read", { type: "ConsentEvent" });
  const days = opts.days ?? 30;
  if (!isTrendDays(days)) throw new AppError("VALIDATION", "days must be 30 or 90.", [{ path: "days", message: "must be 30 or 90" }]);
  const points: ConsentTrendPoint[] = (await dailyGroups(days, opts.now ?? new Date())).map(({ day, groups }) => {
    const p = { day, grants: 0, withdrawals: 0, optOuts: 0 };
    for (const g of groups) {
      if (g.action === "grant" || g.action === "opt_in") p.grants += g._count._all;
      else if (g.action === "withdraw") p.withdrawals += g._count._all;
      else if (g.action === "opt_out") p.optOuts += g._count._all;
    }
    return p;
  });
  const sum = (k: "grants" | "withdrawals" | "optOuts") => points.reduce((n, p) => n + p[k], 0);
  return { days, points, totals: { grants: sum("grants"), withdrawals: sum("withdrawals"), optOuts: sum("optOuts") } };
}
