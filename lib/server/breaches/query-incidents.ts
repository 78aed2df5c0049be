import "server-only";
// Reading incidents: one incident with everything, and the register list sorted by the nearest
// pending deadline (overdue first).
import { byUrgency, isPending } from "@/lib/breaches/reconcile";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { attachAssetSummaries } from "@/lib/server/breaches/incident-assets";
import { loadIncidentDto } from "@/lib/server/breaches/incident-core";
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
 * undated pending notices, then the rest by discovery (newest first). Paginated after sorting:
 * the order depends on every incident's obligations, and a register holds hundreds, not millions.
 */
export async function listIncidents(actor: Actor, opts: { page?: number; status?: string; now?: Date } = {}) {
  await requirePermission(actor, "breach:read", { type: "Incident" });
  const status = INCIDENT_STATUSES.includes(opts.status as IncidentStatus) ? (opts.status as IncidentStatus) : undefined;
  const nowMs = (opts.now ?? new Date()).getTime();
  const rows = await db().incident.findMany({
    where: status ? { status } : {},
    select: {
      id: true, reference: true, title: true, status: true, discoveredAt: true, affected: true,
      obligations: { select: { key: true, regime: true, recipient: true, jurisdiction: true, dueAt: true, status: true, sentAt: true, applies: true, citation: true } },
    },
  });
  const items: IncidentListItem[] = rows.map((r) => {
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
  });
  items.sort((a, b) => {
    const bucket = (i: IncidentListItem) => (i.nextDue ? 0 : i.pending > 0 ? 1 : 2);
    const d = bucket(a) - bucket(b);
    if (d !== 0) return d;
    if (a.nextDue && b.nextDue && a.nextDue.dueAt !== b.nextDue.dueAt) return Date.parse(a.nextDue.dueAt) - Date.parse(b.nextDue.dueAt);
    return Date.parse(b.discoveredAt) - Date.parse(a.discoveredAt);
  });
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  return { items: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: items.length, page, pageSize: PAGE_SIZE };
}
