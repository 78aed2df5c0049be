import "server-only";
// Matches import rows to the register (docs/decisions/101): by the `id` column when the row
// has one, else by name (trimmed, case-insensitive) among active records. A matched row is
// an update when a value differs and "unchanged" otherwise, so re-importing the exported
// register writes nothing; an unmatched row is a create.
import type { DataAsset } from "@/generated/prisma/client";
import { cellError, changesOf, type FieldChange } from "@/lib/inventory/import-messages";
import type { ActivityInput, AssetInput } from "@/lib/validation/inventory";
import type { Tx } from "@/lib/server/db";
import { ACTIVITY_INCLUDE, activityInputOf, assetInputOf, diffOf, type ActivityRow } from "@/lib/server/inventory/dto";
import type { ParsedRow } from "@/lib/server/inventory/import-rows";

export type ImportAction = "create" | "update" | "unchanged";

export type PlannedRow<T, R> = ParsedRow<T> & {
  action: ImportAction | null;
  recordId: string | null;
  changes: FieldChange[];
  current: R | null;
  /** The row's values over the stored ones (a blank next review keeps the scheduled one). */
  merged: T | null;
  diff: Record<string, [unknown, unknown]>;
};

type Stored = { id: string; name: string; archivedAt: Date | null };
type Options<T, R> = {
  what: string;
  inputOf: (r: R) => T;
  /** Values compared and shown: activities show asset names and compare them sorted. */
  view: (input: T) => Record<string, unknown>;
  extraErrors?: (row: ParsedRow<T>, current: R | null) => string[];
};

const key = (name: string) => name.trim().toLowerCase();

function plan<T extends { nextReviewAt: string | null }, R extends Stored>(rows: ParsedRow<T>[], stored: R[], o: Options<T, R>): PlannedRow<T, R>[] {
  const byId = new Map(stored.map((r) => [r.id, r]));
  const byName = new Map<string, R[]>();
  for (const r of stored) byName.set(key(r.name), [...(byName.get(key(r.name)) ?? []), r]);
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const errors = [...row.errors];
    let current: R | null = null;
    if (row.id) {
      current = byId.get(row.id) ?? null;
      if (!current) errors.push(cellError(row.row, "id", `"${row.id}" is not ${o.what === "asset" ? "an" : "a"} ${o.what} in this register`));
      else if (current.archivedAt) errors.push(cellError(row.row, "id", `"${row.id}" is an archived ${o.what}; restore it before importing changes to it`));
    } else if (row.name.trim()) {
      const hits = byName.get(key(row.name)) ?? [];
      const active = hits.filter((h) => !h.archivedAt);
      if (active.length > 1) errors.push(cellError(row.row, "name", `"${row.name}" matches ${active.length} records; add the id column to say which`));
      else if (active.length === 1) current = active[0]!;
      else if (hits.length) errors.push(cellError(row.row, "name", `"${row.name}" is an archived ${o.what}; restore it, or give the row another name`));
    }
    const claim = current ? current.id : `new:${key(row.name)}`;
    const first = seen.get(claim);
    if (first !== undefined) errors.push(`Row ${row.row}: the same ${o.what} as row ${first}; each record may appear once`);
    else seen.set(claim, row.row);
    errors.push(...(o.extraErrors?.(row, current) ?? []));

    const none = { ...row, errors, recordId: current?.id ?? null, changes: [], current, merged: null, diff: {} };
    if (errors.length || !row.input) return { ...none, action: null };
    if (!current) return { ...none, action: "create" as const, merged: row.input };
    const before = o.inputOf(current);
    const merged = { ...row.input, nextReviewAt: row.input.nextReviewAt ?? before.nextReviewAt };
    const diff = diffOf(o.view(before), o.view(merged));
    const changed = Object.keys(diff).length > 0;
    return { ...none, action: changed ? ("update" as const) : ("unchanged" as const), merged, diff, changes: changed ? changesOf(o.view(before), o.view(merged)) : [] };
  });
}

export async function planAssets(tx: Pick<Tx, "dataAsset">, rows: ParsedRow<AssetInput>[]) {
  // An inventory is hundreds of rows (decision 100): the whole register fits in memory.
  const stored = await tx.dataAsset.findMany();
  return plan<AssetInput, DataAsset>(rows, stored, { what: "asset", inputOf: assetInputOf, view: (i) => ({ ...i }) });
}

export async function planActivities(tx: Pick<Tx, "dataAsset" | "processingActivity">, rows: ParsedRow<ActivityInput>[]) {
  const [stored, assets] = await Promise.all([
    tx.processingActivity.findMany({ include: ACTIVITY_INCLUDE }),
    tx.dataAsset.findMany({ select: { id: true, name: true } }),
  ]);
  const names = new Map(assets.map((a) => [a.id, a.name]));
  return plan<ActivityInput, ActivityRow>(rows, stored, {
    what: "processing activity",
    inputOf: activityInputOf,
    view: ({ assetIds, ...rest }) => ({ ...rest, assetIds: assetIds.map((id) => names.get(id) ?? id).sort() }),
    // A link to an archived asset may stay, but not be made anew.
    extraErrors: (row, current) => {
      const linked = new Set(current ? activityInputOf(current).assetIds : []);
      return [...(row.archivedLinks ?? [])].filter(([id]) => !linked.has(id)).map(([, n]) => cellError(row.row, "asset_names", `"${n}" is archived; restore it before linking it`));
    },
  });
}
