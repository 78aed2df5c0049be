import "server-only";
// Processing activities: the GDPR Art. 30 records (controller view 30(1), processor view
// 30(2)), each linked to the assets it uses.
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { activityInputSchema, activityPatchSchema, activityQuerySchema, type ActivityInput } from "@/lib/validation/inventory";
import type { Actor } from "@/lib/server/actor";
import { plainTransaction, type Transact } from "@/lib/server/api/idempotency";
import { createOncePerToken } from "@/lib/server/forms/form-token";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";
import { archivedWhere, assertNotArchived } from "@/lib/server/lifecycle/archive";
import { assertAssets, definedOnly, nextReviewFor, parseOrThrow } from "@/lib/server/inventory/common";
import { ACTIVITY_INCLUDE, activityData, activityInputOf, diffOf, toActivityDto, type ActivityDto, type ActivityRow } from "@/lib/server/inventory/dto";

export async function insertActivity(tx: Tx, actor: Actor, input: ActivityInput) {
  await assertAssets(tx, input.assetIds);
  const row = await tx.processingActivity.create({
    data: {
      ...activityData(input, nextReviewFor(input.nextReviewAt, input.reviewIntervalMonths)),
      assets: { create: input.assetIds.map((assetId) => ({ assetId })) },
    },
    include: ACTIVITY_INCLUDE,
  });
  await appendAudit(tx, actor, { action: "inventory.activity.create", entityType: "ProcessingActivity", entityId: row.id, diff: { ...input } });
  return row;
}

/** Inside a caller's transaction: writes a validated, changed record over `current`, audited (PATCH and the CSV import). */
export async function writeActivityUpdate(tx: Tx, actor: Actor, current: ActivityRow, merged: ActivityInput, nextReviewAt: Date | null, diff: Record<string, unknown>) {
  const before = activityInputOf(current);
  // Only newly linked assets must be active; an existing link to an archived asset stays.
  await assertAssets(tx, merged.assetIds.filter((a) => !before.assetIds.includes(a)));
  const res = await tx.processingActivity.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...activityData(merged, nextReviewAt), version: { increment: 1 } },
  });
  if (res.count === 0) throw new AppError("CONFLICT", "Someone else changed this record at the same moment. Reload and try again.");
  if (JSON.stringify(before.assetIds) !== JSON.stringify([...merged.assetIds].sort())) {
    await tx.activityAsset.deleteMany({ where: { activityId: current.id } });
    if (merged.assetIds.length) await tx.activityAsset.createMany({ data: merged.assetIds.map((assetId) => ({ activityId: current.id, assetId })) });
  }
  await appendAudit(tx, actor, { action: "inventory.activity.update", entityType: "ProcessingActivity", entityId: current.id, diff });
}

/** `transact` opens the transaction (the API passes one that claims an Idempotency-Key in it). */
export async function createActivity(actor: Actor, input: unknown, transact: Transact = plainTransaction): Promise<ActivityDto> {
  await requirePermission(actor, "inventory:write", { type: "ProcessingActivity" });
  const data = parseOrThrow(activityInputSchema, input);
  return transact(async (tx) => toActivityDto(await insertActivity(tx, actor, data)));
}

/** The create form: one record per form token, however often it is submitted (lib/server/forms/form-token.ts). */
export function createActivityOnce(actor: Actor, input: unknown, formToken: unknown) {
  return createOncePerToken(actor, "inventory.activity.create", formToken, (transact) => createActivity(actor, input, transact));
}

export async function updateActivity(actor: Actor, id: string, patch: unknown): Promise<ActivityDto> {
  await requirePermission(actor, "inventory:write", { type: "ProcessingActivity", id });
  const { version, ...parsed } = parseOrThrow(activityPatchSchema, patch);
  const changes = definedOnly(parsed);
  return db().$transaction(async (tx) => {
    const current = await tx.processingActivity.findUnique({ where: { id }, include: ACTIVITY_INCLUDE });
    if (!current) throw new AppError("NOT_FOUND", "No such processing activity.");
    assertNotArchived(current, "processing activity");
    if (version !== undefined && version !== current.version) {
      throw new AppError("CONFLICT", "Someone else changed this record since you opened it. Reload and apply your change again.");
    }
    const before = activityInputOf(current);
    const merged = parseOrThrow(activityInputSchema, { ...before, ...changes });
    const diff = diffOf(before, { ...merged, assetIds: [...merged.assetIds].sort() });
    // A no-op patch writes nothing and answers the record as it stands (docs/decisions/007).
    if (Object.keys(diff).length === 0) return toActivityDto(current);
    const nextReviewAt = "nextReviewAt" in changes ? nextReviewFor(merged.nextReviewAt, merged.reviewIntervalMonths) : current.nextReviewAt;
    await writeActivityUpdate(tx, actor, current, merged, nextReviewAt, diff);
    return toActivityDto(await tx.processingActivity.findUniqueOrThrow({ where: { id }, include: ACTIVITY_INCLUDE }));
  });
}

export async function getActivity(actor: Actor, id: string): Promise<ActivityDto> {
  await requirePermission(actor, "inventory:read", { type: "ProcessingActivity", id });
  const row = await db().processingActivity.findUnique({ where: { id }, include: ACTIVITY_INCLUDE });
  if (!row) throw new AppError("NOT_FOUND", "No such processing activity.");
  return toActivityDto(row);
}

export type ActivityListQuery = Record<string, unknown> & { page?: number };

export async function listActivities(actor: Actor, query: ActivityListQuery = {}) {
  await requirePermission(actor, "inventory:read", { type: "ProcessingActivity" });
  const { page, ...rest } = query;
  const q = parseOrThrow(activityQuerySchema, rest);
  const where: Prisma.ProcessingActivityWhereInput = archivedWhere(q.archived);
  if (q.q) where.searchText = { contains: q.q.toLowerCase() };
  if (q.role) where.role = q.role;
  if (q.lawfulBasis) where.lawfulBases = { contains: `,${q.lawfulBasis},` };
  if (q.category) where.dataCategories = { contains: `,${q.category},` };
  if (q.assetId) where.assets = { some: { assetId: q.assetId } };
  const orderBy: Prisma.ProcessingActivityOrderByWithRelationInput[] = [
    q.sort === "nextReviewAt" ? { nextReviewAt: { sort: q.dir, nulls: "last" } } : { [q.sort]: q.dir },
    { id: "asc" },
  ];
  const pageNo = page && page > 0 ? Math.floor(page) : undefined;
  const [rows, total] = await Promise.all([
    db().processingActivity.findMany({
      where,
      orderBy,
      include: ACTIVITY_INCLUDE,
      take: q.limit + 1,
      ...(q.cursor && !pageNo ? { cursor: { id: q.cursor }, skip: 1 } : {}),
      ...(pageNo ? { skip: (pageNo - 1) * q.limit } : {}),
    }),
    db().processingActivity.count({ where }),
  ]);
  const items = rows.slice(0, q.limit);
  const now = new Date();
  return { items: items.map((r) => toActivityDto(r, now)), nextCursor: rows.length > q.limit ? items[items.length - 1]!.id : null, total };
}
