import "server-only";
// The review cycle: an officer marks a record reviewed with a comment. The review is an
// append-only row; the record's lastReviewedAt/nextReviewAt move in the same transaction.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { addMonths } from "@/lib/inventory/findings";
import { reviewInputSchema } from "@/lib/validation/inventory";
import { actorId, actorLabel, type Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { parseOrThrow } from "@/lib/server/inventory/common";

const kindSchema = z.enum(["asset", "activity"]);
export type RecordKind = z.infer<typeof kindSchema>;

export async function markReviewed(actor: Actor, kind: RecordKind, id: string, input: unknown) {
  const entityType = kind === "asset" ? "DataAsset" : "ProcessingActivity";
  await requirePermission(actor, "inventory:write", { type: entityType, id });
  const k = parseOrThrow(kindSchema, kind);
  const { comment } = parseOrThrow(reviewInputSchema, input);
  const now = new Date();
  return db().$transaction(async (tx) => {
    const current =
      k === "asset"
        ? await tx.dataAsset.findUnique({ where: { id }, select: { reviewIntervalMonths: true, nextReviewAt: true } })
        : await tx.processingActivity.findUnique({ where: { id }, select: { reviewIntervalMonths: true, nextReviewAt: true } });
    if (!current) throw new AppError("NOT_FOUND", `No such ${k === "asset" ? "asset" : "processing activity"}.`);
    const nextReviewAt = addMonths(now, current.reviewIntervalMonths);
    const data = { lastReviewedAt: now, nextReviewAt, version: { increment: 1 } };
    if (k === "asset") await tx.dataAsset.update({ where: { id }, data });
    else await tx.processingActivity.update({ where: { id }, data });
    const review = await tx.inventoryReview.create({
      data: { recordKind: k, recordId: id, reviewerId: actorId(actor), reviewer: actorLabel(actor), comment, reviewedAt: now },
    });
    await appendAudit(tx, actor, {
      action: "inventory.review",
      entityType,
      entityId: id,
      diff: { comment, nextReviewAt: [current.nextReviewAt?.toISOString() ?? null, nextReviewAt.toISOString()] },
    });
    return { id: review.id, reviewedAt: now.toISOString(), nextReviewAt: nextReviewAt.toISOString() };
  });
}

export async function listReviews(actor: Actor, kind: RecordKind, id: string) {
  await requirePermission(actor, "inventory:read");
  const rows = await db().inventoryReview.findMany({ where: { recordKind: kind, recordId: id }, orderBy: { reviewedAt: "desc" }, take: 50 });
  return rows.map((r) => ({ id: r.id, reviewer: r.reviewer, comment: r.comment, reviewedAt: r.reviewedAt.toISOString() }));
}
