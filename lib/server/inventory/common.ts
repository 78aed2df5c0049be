import "server-only";
import { AppError } from "@/lib/errors";
import { addMonths } from "@/lib/inventory/findings";
import type { Tx } from "@/lib/server/db";
import { dateFromDay, type OwnerRef } from "@/lib/server/inventory/dto";
import { parseSafe } from "@/lib/validation/safe-input";

export const parseOrThrow = parseSafe;

export function nextReviewFor(explicit: string | null, intervalMonths: number, from = new Date()): Date {
  return dateFromDay(explicit) ?? addMonths(from, intervalMonths);
}

export async function ownersById(tx: Pick<Tx, "user">, ids: (string | null)[]): Promise<Map<string, OwnerRef>> {
  const unique = [...new Set(ids.filter((i): i is string => !!i))];
  if (!unique.length) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, u]));
}

/** An owner must be an existing, enabled user; the id comes from a client, so look it up. */
export async function assertOwner(tx: Tx, ownerId: string | null) {
  if (!ownerId) return;
  const u = await tx.user.findUnique({ where: { id: ownerId }, select: { disabledAt: true } });
  if (!u || u.disabledAt) throw new AppError("VALIDATION", "Check the highlighted fields.", [{ path: "ownerId", message: "is not an active user" }]);
}

export async function assertAssets(tx: Tx, assetIds: string[]) {
  if (!assetIds.length) return;
  const found = await tx.dataAsset.findMany({ where: { id: { in: assetIds } }, select: { id: true, name: true, archivedAt: true } });
  if (found.length !== assetIds.length) {
    const known = new Set(found.map((f) => f.id));
    throw new AppError("VALIDATION", "Check the highlighted fields.", [{ path: "assetIds", message: `unknown asset id(s): ${assetIds.filter((i) => !known.has(i)).join(", ")}` }]);
  }
  // An archived asset is out of the pickers; a new link to it is refused (existing ones stay).
  const archived = found.filter((f) => f.archivedAt);
  if (archived.length) {
    throw new AppError("VALIDATION", "Check the highlighted fields.", [{ path: "assetIds", message: `archived asset(s): ${archived.map((f) => f.name).join(", ")}; restore them first` }]);
  }
}

/** A PATCH changes only the keys it sends; an absent key never blanks a field. */
export function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
