import "server-only";
// Reading and acknowledging alerts. Acknowledging is audited in the same transaction.
import type { z } from "zod";
import { acknowledgeSchema, type AlertQuery, type alertSchema } from "@/lib/alerts/schemas";
import { AppError, validationError } from "@/lib/errors";
import { actorId, type Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import type { Alert } from "@/generated/prisma/client";

export type AlertDto = z.infer<typeof alertSchema>;

export function toAlertDto(a: Alert): AlertDto {
  return {
    id: a.id,
    rule: a.rule,
    severity: a.severity as AlertDto["severity"],
    subjectType: a.subjectType,
    subjectId: a.subjectId,
    windowStart: a.windowStart.toISOString(),
    windowEnd: a.windowEnd.toISOString(),
    summary: a.summary,
    evidence: JSON.parse(a.evidence) as AlertDto["evidence"],
    status: a.status as AlertDto["status"],
    ackComment: a.ackComment,
    ackById: a.ackById,
    ackAt: a.ackAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** Newest first, keyset-paginated by (createdAt, id) encoded as the cursor. */
export async function listAlerts(actor: Actor, q: AlertQuery) {
  await requirePermission(actor, "alerts:read");
  let cursor: { createdAt: Date; id: string } | null = null;
  if (q.before) {
    const [ms, id] = q.before.split("_");
    if (!ms || !id || !/^\d+$/.test(ms)) throw new AppError("VALIDATION", "before is not a cursor from a previous page.", [{ path: "before", message: "invalid cursor" }]);
    cursor = { createdAt: new Date(Number(ms)), id };
  }
  const rows = await db().alert.findMany({
    where: { ...(q.status ? { status: q.status } : {}), ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { alerts: page.map(toAlertDto), nextBefore: rows.length > q.limit && last ? `${last.createdAt.getTime()}_${last.id}` : null };
}

export async function openAlertCount(actor: Actor) {
  await requirePermission(actor, "alerts:read");
  return db().alert.count({ where: { status: "open" } });
}

export async function acknowledgeAlert(actor: Actor, id: string, input: unknown): Promise<AlertDto> {
  await requirePermission(actor, "alerts:acknowledge", { type: "Alert", id });
  const parsed = acknowledgeSchema.safeParse(input);
  if (!parsed.success) throw validationError(`Invalid acknowledgement: ${parsed.error.issues[0]?.message}`, parsed.error.issues, input);
  return db().$transaction(async (tx) => {
    // Conditional update: two concurrent acknowledgements, one wins, the other gets 409.
    const res = await tx.alert.updateMany({ where: { id, status: "open" }, data: { status: "acknowledged", ackComment: parsed.data.comment, ackById: actorId(actor), ackAt: new Date() } });
    if (res.count !== 1) {
      const exists = await tx.alert.findUnique({ where: { id }, select: { id: true } });
      throw exists ? new AppError("CONFLICT", "This alert is already acknowledged.") : new AppError("NOT_FOUND", "No alert with this id.");
    }
    await appendAudit(tx, actor, { action: "alert.acknowledge", entityType: "Alert", entityId: id, diff: { comment: parsed.data.comment } });
    return toAlertDto(await tx.alert.findUniqueOrThrow({ where: { id } }));
  });
}
