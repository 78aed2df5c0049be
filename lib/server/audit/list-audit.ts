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

const EXPORT_PAGE = 5_000;
const EXPORT_HEADERS = ["seq", "time_utc", "actor", "action", "entity_type", "entity_id", "details", "ip", "leaf_hash"];

/**
 * The filtered log as CSV rows, oldest first: the header, then one page of rows per keyset
 * page by id, so memory stays flat however many rows match (no cap since issue 14). The
 * export is itself audited (who took which slice of the log away) before the first page.
 */
export async function* auditCsvPages(actor: Actor, filter: Omit<AuditFilter, "limit" | "before">, pageSize = EXPORT_PAGE): AsyncGenerator<(string | number | null)[][]> {
  await requirePermission(actor, "audit:read");
  const where = auditWhere(filter);
  await recordAudit(actor, { action: "audit.export", entityType: null, entityId: null, diff: { ...filter, format: "csv" } });
  yield [EXPORT_HEADERS];
  const select = { id: true, seq: true, at: true, actorLabel: true, action: true, entityType: true, entityId: true, diff: true, ip: true, leafHash: true, hash: true } as const;
  for (let after = 0; ;) {
    const rows = await db().auditEvent.findMany({ where: { AND: [where, { id: { gt: after } }] }, orderBy: { id: "asc" }, take: pageSize, select });
    if (rows.length === 0) return;
    yield rows.map((e) => [e.seq, e.at.toISOString(), e.actorLabel, e.action, e.entityType, e.entityId, e.diff, e.ip, e.leafHash ?? e.hash]);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** The same rows one at a time (the header first). */
export async function* auditCsvRows(actor: Actor, filter: Omit<AuditFilter, "limit" | "before">): AsyncGenerator<(string | number | null)[]> {
  for await (const page of auditCsvPages(actor, filter)) yield* page;
}
