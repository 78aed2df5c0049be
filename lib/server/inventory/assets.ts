import "server-only";
// Systems / data assets: create, update, read, list. Every write validates, checks the
// owner, and appends its audit event in the same transaction.
import type { DataAsset, Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { assetInputSchema, assetPatchSchema, assetQuerySchema, type AssetInput } from "@/lib/validation/inventory";
import type { Actor } from "@/lib/server/actor";
import { plainTransaction, type Transact } from "@/lib/server/api/idempotency";
import { createOncePerToken } from "@/lib/server/forms/form-token";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";
import { archivedWhere, assertNotArchived } from "@/lib/server/lifecycle/archive";
import { assertOwner, definedOnly, nextReviewFor, ownersById, parseOrThrow } from "@/lib/server/inventory/common";
import { assetData, assetInputOf, diffOf, toAssetDto, type AssetDto } from "@/lib/server/inventory/dto";

/** Inside a caller's transaction, input already validated (used by the CSV import too). */
export async function insertAsset(tx: Tx, actor: Actor, input: AssetInput) {
  await assertOwner(tx, input.ownerId);
  const row = await tx.dataAsset.create({ data: assetData(input, nextReviewFor(input.nextReviewAt, input.reviewIntervalMonths)) });
  await appendAudit(tx, actor, { action: "inventory.asset.create", entityType: "DataAsset", entityId: row.id, diff: { ...input } });
  return row;
}

/** Inside a caller's transaction: writes a validated, changed asset over `current`, audited (PATCH and the CSV import). */
export async function writeAssetUpdate(tx: Tx, actor: Actor, current: DataAsset, merged: AssetInput, nextReviewAt: Date | null, diff: Record<string, unknown>) {
  await assertOwner(tx, merged.ownerId);
  const res = await tx.dataAsset.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...assetData(merged, nextReviewAt), version: { increment: 1 } },
  });
  if (res.count === 0) throw new AppError("CONFLICT", "Someone else changed this asset at the same moment. Reload and try again.");
  await appendAudit(tx, actor, { action: "inventory.asset.update", entityType: "DataAsset", entityId: current.id, diff });
}

/** `transact` opens the transaction (the API passes one that claims an Idempotency-Key in it). */
export async function createAsset(actor: Actor, input: unknown, transact: Transact = plainTransaction): Promise<AssetDto> {
  await requirePermission(actor, "inventory:write", { type: "DataAsset" });
  const data = parseOrThrow(assetInputSchema, input);
  return transact(async (tx) => {
    const row = await insertAsset(tx, actor, data);
    return toAssetDto(row, await ownersById(tx, [row.ownerId]));
  });
}

/** The create form: one asset per form token, however often it is submitted (lib/server/forms/form-token.ts). */
export function createAssetOnce(actor: Actor, input: unknown, formToken: unknown) {
  return createOncePerToken(actor, "inventory.asset.create", formToken, (transact) => createAsset(actor, input, transact));
}

export async function updateAsset(actor: Actor, id: string, patch: unknown): Promise<AssetDto> {
  await requirePermission(actor, "inventory:write", { type: "DataAsset", id });
  const { version, ...parsed } = parseOrThrow(assetPatchSchema, patch);
  const changes = definedOnly(parsed);
  return db().$transaction(async (tx) => {
    const current = await tx.dataAsset.findUnique({ where: { id } });
    if (!current) throw new AppError("NOT_FOUND", "No such asset.");
    assertNotArchived(current, "asset");
    if (version !== undefined && version !== current.version) {
      throw new AppError("CONFLICT", "Someone else changed this asset since you opened it. Reload and apply your change again.");
    }
    const before = assetInputOf(current);
    const merged = parseOrThrow(assetInputSchema, { ...before, ...changes });
    const diff = diffOf(before, merged);
    // A patch that changes nothing (PATCH {}, or the values it already has) writes nothing:
    // no new version, no audit event; the answer is the record as it stands (docs/decisions/007).
    if (Object.keys(diff).length === 0) return toAssetDto(current, await ownersById(tx, [current.ownerId]));
    const nextReviewAt = "nextReviewAt" in changes ? nextReviewFor(merged.nextReviewAt, merged.reviewIntervalMonths) : current.nextReviewAt;
    await writeAssetUpdate(tx, actor, current, merged, nextReviewAt, diff);
    const row = await tx.dataAsset.findUniqueOrThrow({ where: { id } });
    return toAssetDto(row, await ownersById(tx, [row.ownerId]));
  });
}

export async function getAsset(actor: Actor, id: string) {
  await requirePermission(actor, "inventory:read", { type: "DataAsset", id });
  const row = await db().dataAsset.findUnique({
    where: { id },
    include: { activities: { select: { activity: { select: { id: true, name: true } } } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "No such asset.");
  const dto = toAssetDto(row, await ownersById(db(), [row.ownerId]));
  return { ...dto, activities: row.activities.map((a) => a.activity).sort((x, y) => x.name.localeCompare(y.name)) };
}

export type AssetListQuery = Record<string, unknown> & { page?: number };

export async function listAssets(actor: Actor, query: AssetListQuery = {}) {
  await requirePermission(actor, "inventory:read", { type: "DataAsset" });
  const { page, ...rest } = query;
  const q = parseOrThrow(assetQuerySchema, rest);
  const where: Prisma.DataAssetWhereInput = archivedWhere(q.archived);
  if (q.q) where.searchText = { contains: q.q.toLowerCase() };
  if (q.hosting) where.hosting = q.hosting;
  if (q.category) where.dataCategories = { contains: `,${q.category},` };
  if (q.encryptionAtRest) where.encryptionAtRest = q.encryptionAtRest;
  if (q.ownerId) where.ownerId = q.ownerId;
  const orderBy: Prisma.DataAssetOrderByWithRelationInput[] = [
    q.sort === "nextReviewAt" ? { nextReviewAt: { sort: q.dir, nulls: "last" } } : { [q.sort]: q.dir },
    { id: "asc" },
  ];
  const pageNo = page && page > 0 ? Math.floor(page) : undefined;
  const [rows, total] = await Promise.all([
    db().dataAsset.findMany({
      where,
      orderBy,
      take: q.limit + 1,
      ...(q.cursor && !pageNo ? { cursor: { id: q.cursor }, skip: 1 } : {}),
      ...(pageNo ? { skip: (pageNo - 1) * q.limit } : {}),
    }),
    db().dataAsset.count({ where }),
  ]);
  const items = rows.slice(0, q.limit);
  const owners = await ownersById(db(), items.map((r) => r.ownerId));
  const now = new Date();
  return {
    items: items.map((r) => toAssetDto(r, owners, now)),
    nextCursor: rows.length > q.limit ? items[items.length - 1]!.id : null,
    total,
  };
}

/** Active users who can be named as an asset's owner. */
export async function listOwnerCandidates(actor: Actor) {
  await requirePermission(actor, "inventory:read");
  return db().user.findMany({ where: { disabledAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}
