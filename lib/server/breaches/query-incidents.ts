import "server-only";
// Reading incidents: one incident with everything, and the register list sorted by the nearest
// pending deadline (overdue first).
import { byUrgency, isPending } from "@/lib/breaches/reconcile";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/generated/prisma/client";
import { attachAssetSummaries } from "@/lib/server/breaches/incident-assets";
import { loadIncidentDto } from "@/lib/server/breaches/load-many";
import { INCIDENT_STATUSES, type IncidentDto, type IncidentStatus } from "@/lib/validation/breaches";

export async function getIncident(actor: Actor, incidentId: string): Promise<IncidentDto> {
  await requirePermission(actor, "breach:read", { type: "Incident", id: incidentId });
  if (typeof incidentId !== "string" || incidentId.length > 64) throw new AppError("NOT_FOUND", "No such incident.");
  const dto = await db().$transaction((tx) => loadIncidentDto(tx, incidentId));
  return attachAssetSummaries(actor, dto);
}

export type IncidentListItem = {
  id: string;
  reference: string;
  title: string;
  status: IncidentStatus;
  discoveredAt: string;
  totalAffected: number;
  jurisdictions: string[];
  pending: number;
  overdue: number;
  obligations: number;
  nextDue: { key: string; regime: string; recipient: string; jurisdiction: string | null; dueAt: string; citation: string } | null;
};

const PAGE_SIZE = 25;

/**
 * The register, sorted by the nearest pending deadline (overdue first), then incidents with only
 * undated pending notices, then the rest by discovery (newest first). The order comes from
 * two small reads (each incident's id and discovery time; per incident, its pending notices'
 * count and earliest deadline, grouped in the database); only the page's 25 incidents are
 * then loaded with their obligations. Loading every obligation of every incident to show 25
 * was most of the list's time at 2,000 incidents.
 */
export async function listIncidents(actor: Actor, opts: { page?: number; status?: string; now?: Date } = {}) {
  await requirePermission(actor, "breach:read", { type: "Incident" });
  const status = INCIDENT_STATUSES.includes(opts.status as IncidentStatus) ? (opts.status as IncidentStatus) : undefined;
  const nowMs = (opts.now ?? new Date()).getTime();
  const [incidents, pending] = await Promise.all([
    db().incident.findMany({ where: status ? { status } : {}, select: { id: true, discoveredAt: true } }),
    // isPending (lib/breaches/reconcile) in SQL: open, or late and not sent, and required.
    db().breachObligation.groupBy({
      by: ["incidentId"],
      where: { OR: [{ status: "open" }, { status: "late", sentAt: null }], applies: true },
      _count: { _all: true },
      _min: { dueAt: true },
    }),
  ]);
  const pendingOf = new Map(pending.map((p) => [p.incidentId, { count: p._count._all, next: p._min.dueAt?.getTime() ?? null }]));
  const order = incidents.map((i) => {
    const p = pendingOf.get(i.id);
    return { id: i.id, discovered: i.discoveredAt.getTime(), next: p?.next ?? null, bucket: p?.next != null ? 0 : p ? 1 : 2 };
  });
  order.sort((a, b) => a.bucket - b.bucket || (a.next !== null && b.next !== null ? a.next - b.next : 0) || b.discovered - a.discovered || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const ids = order.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((o) => o.id);
  const rows = ids.length ? await db().incident.findMany({ where: { id: { in: ids } }, select: LIST_SELECT }) : [];
  const byId = new Map(rows.map((r) => [r.id, listItem(r, nowMs)]));
  return { items: ids.flatMap((id) => byId.get(id) ?? []), total: order.length, page, pageSize: PAGE_SIZE };
}

const LIST_SELECT = {
  id: true, reference: true, title: true, status: true, discoveredAt: true, affected: true,
  obligations: { select: { key: true, regime: true, recipient: true, jurisdiction: true, dueAt: true, status: true, sentAt: true, applies: true, citation: true } },
} as const;

function listItem(r: Prisma.IncidentGetPayload<{ select: typeof LIST_SELECT }>, nowMs: number): IncidentListItem {
  const obligations = r.obligations.map((o) => ({ ...o, dueAt: o.dueAt?.toISOString() ?? null, sentAt: o.sentAt?.toISOString() ?? null }));
  const pending = obligations.filter(isPending);
  const dated = pending.filter((o) => o.dueAt !== null).sort(byUrgency);
  const affected = JSON.parse(r.affected) as { jurisdiction: string; count: number }[];
  const next = dated[0];
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    status: r.status as IncidentStatus,
    discoveredAt: r.discoveredAt.toISOString(),
    totalAffected: affected.reduce((n, a) => n + a.count, 0),
    jurisdictions: affected.map((a) => a.jurisdiction),
    pending: pending.length,
    overdue: dated.filter((o) => Date.parse(o.dueAt!) < nowMs).length,
    obligations: obligations.length,
    nextDue: next ? { key: next.key, regime: next.regime, recipient: next.recipient, jurisdiction: next.jurisdiction, dueAt: next.dueAt!, citation: next.citation } : null,
  };
}
