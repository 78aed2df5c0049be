import "server-only";
// Archive and restore, one write path for every record kind that has them
// (docs/decisions/101-records-lifecycle.md). Archiving hides a record from lists, counts,
// findings, posture and pickers; the row, its links and its audit history stay, so an
// incident or a decision that names it still resolves. Each change is audited in the same
// transaction; archiving what is already archived (or restoring what is active) writes
// nothing, so a double click or two people at once produce one event.
import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { actorLabel, type Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";
import type { ArchivedFilter } from "@/lib/validation/lifecycle";
import { parseSafe } from "@/lib/validation/safe-input";

type ArchiveColumns = { archivedAt: Date | null; archivedBy: string | null };

/** The two calls this module makes on a model; every archivable Prisma delegate has them. */
type ArchiveDelegate = {
  findUnique(args: { where: { id: string }; select: { archivedAt: true; archivedBy: true } }): Promise<ArchiveColumns | null>;
  updateMany(args: { where: { id: string; archivedAt: null | { not: null } }; data: ArchiveColumns }): Promise<{ count: number }>;
};

export type ArchiveSpec = {
  /** Audit entity type, e.g. "DataAsset". */
  entityType: string;
  /** Audit action prefix; ".archive" / ".restore" is appended. */
  action: string;
  permission: Permission;
  /** Sentence for an unknown id. */
  notFound: string;
  delegate: (tx: Tx) => unknown;
};

export type ArchiveState = { id: string; archivedAt: string | null; archivedBy: string | null };

const idSchema = z.string().trim().min(1).max(200);

function stateOf(id: string, row: ArchiveColumns): ArchiveState {
  return { id, archivedAt: row.archivedAt?.toISOString() ?? null, archivedBy: row.archivedBy };
}

export async function setArchived(actor: Actor, spec: ArchiveSpec, rawId: unknown, archive: boolean): Promise<ArchiveState> {
  await requirePermission(actor, spec.permission, { type: spec.entityType, id: typeof rawId === "string" ? rawId : undefined });
  const id = parseSafe(idSchema, rawId);
  return db().$transaction(async (tx) => {
    const model = spec.delegate(tx) as ArchiveDelegate;
    const current = await model.findUnique({ where: { id }, select: { archivedAt: true, archivedBy: true } });
    if (!current) throw new AppError("NOT_FOUND", spec.notFound);
    if ((current.archivedAt !== null) === archive) return stateOf(id, current);
    const data: ArchiveColumns = archive ? { archivedAt: new Date(), archivedBy: actorLabel(actor) } : { archivedAt: null, archivedBy: null };
    // Conditional on the state just read: of two concurrent archives only one changes the row.
    const res = await model.updateMany({ where: { id, archivedAt: archive ? null : { not: null } }, data });
    if (res.count === 0) {
      const now = await model.findUnique({ where: { id }, select: { archivedAt: true, archivedBy: true } });
      return stateOf(id, now ?? data);
    }
    await appendAudit(tx, actor, {
      action: `${spec.action}.${archive ? "archive" : "restore"}`,
      entityType: spec.entityType,
      entityId: id,
      diff: { archivedAt: [current.archivedAt?.toISOString() ?? null, data.archivedAt?.toISOString() ?? null] },
    });
    return stateOf(id, data);
  });
}

/** Prisma filter for lists: active records by default, archived ones when asked. */

export function archivedWhere(filter: ArchivedFilter | undefined): { archivedAt?: null | { not: null } } {
  if (filter === "all") return {};
  return filter === "archived" ? { archivedAt: { not: null } } : { archivedAt: null };
}

/** Edits of an archived record are refused: restore it first, so history reads in order. */
export function assertNotArchived(row: { archivedAt: Date | null }, what: string) {
  if (row.archivedAt) throw new AppError("CONFLICT", `This ${what} is archived. Restore it before changing it.`);
}
