import "server-only";
// Open breach notification obligations bucketed by how soon they fall due, per regime,
// for the home dashboard. Small DTO: counts, plus up to 10 incidents per cell for the
// drill-down (the chart and table link to the incident, or to the incident list).
import { DUE_BUCKETS, dueBucket, type DueBucket } from "@/lib/dashboard/series";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

export type ObligationDueRow = { regime: string } & Record<DueBucket, number>;
export type ObligationsByDue = {
  at: string;
  total: number;
  rows: ObligationDueRow[];
  /** Incidents behind each cell, keyed `${regime}|${bucket}` (at most 10 each). */
  incidents: Record<string, { id: string; reference: string }[]>;
};

export async function obligationsByDue(actor: Actor, opts: { now?: Date } = {}): Promise<ObligationsByDue> {
  await requirePermission(actor, "breach:read", { type: "BreachObligation" });
  const now = opts.now ?? new Date();
  const rows = await db().breachObligation.findMany({
    where: { status: "open", applies: true },
    select: { regime: true, dueAt: true, incidentId: true, incident: { select: { reference: true } } },
    orderBy: [{ regime: "asc" }, { dueAt: "asc" }],
  });
  const byRegime = new Map<string, ObligationDueRow>();
  const incidents: ObligationsByDue["incidents"] = {};
  for (const r of rows) {
    const bucket = dueBucket(r.dueAt, now);
    const row = byRegime.get(r.regime) ?? ({ regime: r.regime, ...Object.fromEntries(DUE_BUCKETS.map((b) => [b, 0])) } as ObligationDueRow);
    row[bucket]++;
    byRegime.set(r.regime, row);
    const list = (incidents[`${r.regime}|${bucket}`] ??= []);
    if (list.length < 10 && !list.some((i) => i.id === r.incidentId)) list.push({ id: r.incidentId, reference: r.incident.reference });
  }
  return { at: now.toISOString(), total: rows.length, rows: [...byRegime.values()], incidents };
}
