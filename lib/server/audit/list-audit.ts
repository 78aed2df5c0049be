import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { recordAudit } from "@/lib/server/audit/append";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/generated/prisma/client";
import { AUDIT_AREA_KEYS, AUDIT_AREAS } from "@/lib/audit/presentation";

export const auditFilterSchema = z.object({
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  entity: z.string().trim().max(100).optional(),
  area: z.enum(AUDIT_AREA_KEYS).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The filter as a query on the log (shared by the page and the export). */
export function auditWhere(filter: Omit<AuditFilter, "limit">): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filter.area) and.push({ OR: AUDIT_AREAS[filter.area].prefixes.map((p) => ({ action: { startsWith: p } })) });
  if (filter.actor) where.actorLabel = { contains: filter.actor };
  if (filter.action) where.action = { startsWith: filter.action };
  if (filter.entity) and.push({ OR: [{ entityType: filter.entity }, { entityId: filter.entity }] });
  if (and.length) where.AND = and;
  if (filter.from || filter.to) {
    where.at = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00.000Z`) } : {}),
      ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 86_400_000) } : {}),
    };
  }
  if (filter.before) where.id = { lt: filter.before };
  return where;
}

/** Newest first (by id, the order events were written), keyset-paginated by id. Unsealed events have no seq yet. */
export async function listAuditEvents(actor: Actor, filter: AuditFilter) {
  await requirePermission(actor, "audit:read");
  const where = auditWhere(filter);
  const rows = await db().auditEvent.findMany({ where, orderBy: { id: "desc" }, take: filter.limit + 1 });
  const page = rows.slice(0, filter.limit);
  return {
    events: page.map((e) => ({
      id: e.id,
      seq: e.seq,
      at: e.at.toISOString(),
      actorType: e.actorType,
      actorLabel: e.actorLabel,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      diff: e.diff,
      ip: e.ip,
      // The leaf hash once sealed; events from before the Merkle tree also keep their chain hash.
      hash: e.leafHash ?? e.hash,
      leafHash: e.leafHash,
    })),
    nextBefore: rows.length > filter.limit ? page[page.length - 1]!.id : null,
  };
}

/** Most rows one UI export writes; a larger extract is for the CLI (`audit:export`) or the API. */
export const AUDIT_EXPORT_MAX = 100_000;
const EXPORT_PAGE = 2_000;

/**
 * The filtered log as CSV rows, oldest first, read in pages so memory stays flat. The export
 * is itself audited (who took which slice of the log away).
 */
export async function* auditCsvRows(actor: Actor, filter: Omit<AuditFilter, "limit" | "before">): AsyncGenerator<(string | number | null)[]> {
  await requirePermission(actor, "audit:read");
  const where = auditWhere(filter);
  await recordAudit(actor, { action: "audit.export", entityType: null, entityId: null, diff: { ...filter, format: "csv" } });
  yield ["seq", "time_utc", "actor", "action", "entity_type", "entity_id", "details", "ip", "leaf_hash"];
  let after = 0;
  let written = 0;
  while (written < AUDIT_EXPORT_MAX) {
    const rows = await db().auditEvent.findMany({ where: { AND: [where, { id: { gt: after } }] }, orderBy: { id: "asc" }, take: Math.min(EXPORT_PAGE, AUDIT_EXPORT_MAX - written) });
    for (const e of rows) yield [e.seq, e.at.toISOString(), e.actorLabel, e.action, e.entityType, e.entityId, e.diff, e.ip, e.leafHash ?? e.hash];
    written += rows.length;
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
  }
}
