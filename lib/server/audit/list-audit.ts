import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/generated/prisma/client";

export const auditFilterSchema = z.object({
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  entity: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Newest first (by id, the order events were written), keyset-paginated by id. Unsealed events have no seq yet. */
export async function listAuditEvents(actor: Actor, filter: AuditFilter) {
  await requirePermission(actor, "audit:read");
  const where: Prisma.AuditEventWhereInput = {};
  if (filter.actor) where.actorLabel = { contains: filter.actor };
  if (filter.action) where.action = { startsWith: filter.action };
  if (filter.entity) where.OR = [{ entityType: filter.entity }, { entityId: filter.entity }];
  if (filter.from || filter.to) {
    where.at = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00.000Z`) } : {}),
      ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 86_400_000) } : {}),
    };
  }
  if (filter.before) where.id = { lt: filter.before };
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
