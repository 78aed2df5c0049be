import "server-only";
// Consent rates per purpose over time, aggregated on the server for the chart: per UTC
// day, the share of that day's decisions that were grants (grant/opt_in) rather than
// refusals (withdraw/opt_out). Signals derived from GPC count as opt-outs.
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

export type ConsentRatePoint = { day: string } & Record<string, number | string | null>;

export async function consentRates(actor: Actor, opts: { days?: number; now?: Date } = {}) {
  await requirePermission(actor, "consent:read", { type: "ConsentEvent" });
  const days = Math.min(Math.max(opts.days ?? 30, 1), 90);
  const now = opts.now ?? new Date();
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + 86_400_000;
  const purposes = await db().consentPurpose.findMany({ select: { id: true, key: true }, orderBy: { key: "asc" } });
  const keyOf = new Map(purposes.map((p) => [p.id, p.key]));
  const points: ConsentRatePoint[] = [];
  // One grouped query per day (index on occurredAt), so the work stays bounded however
  // large the ledger grows.
  for (let i = days - 1; i >= 0; i--) {
    const from = new Date(end - (i + 1) * 86_400_000);
    const to = new Date(end - i * 86_400_000);
    const groups = await db().consentEvent.groupBy({ by: ["purposeId", "action"], where: { occurredAt: { gte: from, lt: to } }, _count: { _all: true } });
    const tally = new Map<string, { yes: number; all: number }>();
    for (const g of groups) {
      const t = tally.get(g.purposeId) ?? { yes: 0, all: 0 };
      t.all += g._count._all;
      if (g.action === "grant" || g.action === "opt_in") t.yes += g._count._all;
      tally.set(g.purposeId, t);
    }
    const point: ConsentRatePoint = { day: from.toISOString().slice(0, 10) };
    for (const [id, t] of tally) point[keyOf.get(id) ?? id] = Math.round((t.yes / t.all) * 1000) / 10;
    points.push(point);
  }
  return { purposes: purposes.map((p) => p.key), points };
}
