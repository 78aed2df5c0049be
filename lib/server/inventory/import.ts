import "server-only";
// CSV import of assets or processing activities. Preview validates every row, names the
// bad ones by row, column and value, and says per row whether committing creates, updates
// or leaves a record unchanged (matched by id, else by name: import-match.ts). Commit
// re-validates and writes all rows in ONE transaction, so a file with any bad row changes
// nothing, and a file that matches the register exactly writes nothing.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { CsvParseError, parseCsv } from "@/lib/export/csv";
import type { DataAsset } from "@/generated/prisma/client";
import { ACTIVITY_COLUMNS, ASSET_COLUMNS, rowsToRecords } from "@/lib/inventory/csv-format";
import type { FieldChange } from "@/lib/inventory/import-messages";
import type { ActivityInput, AssetInput } from "@/lib/validation/inventory";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db, dialect, type Tx } from "@/lib/server/db";
import { insertActivity, writeActivityUpdate } from "@/lib/server/inventory/activities";
import { insertAsset, writeAssetUpdate } from "@/lib/server/inventory/assets";
import { nextReviewFor } from "@/lib/server/inventory/common";
import { activityInputOf, assetInputOf, type ActivityRow } from "@/lib/server/inventory/dto";
import { planActivities, planAssets, type ImportAction, type PlannedRow } from "@/lib/server/inventory/import-match";
import { parseActivityRows, parseAssetRows } from "@/lib/server/inventory/import-rows";

export const IMPORT_MAX_BYTES = 1_000_000;
export const IMPORT_MAX_ROWS = 2000;
const kindSchema = z.enum(["assets", "activities"]);
export type ImportKind = z.infer<typeof kindSchema>;

export type ImportRowResult = {
  row: number;
  name: string;
  errors: string[];
  /** What committing does with the row: null while it has errors. */
  action: ImportAction | null;
  recordId: string | null;
  changes: FieldChange[];
};
export type ImportPreview = {
  kind: ImportKind;
  rows: ImportRowResult[];
  valid: number;
  invalid: number;
  counts: Record<ImportAction, number>;
  fileErrors: string[];
};

type Planned = PlannedRow<AssetInput, DataAsset> | PlannedRow<ActivityInput, ActivityRow>;
type Validated = { preview: ImportPreview; assets: PlannedRow<AssetInput, DataAsset>[]; activities: PlannedRow<ActivityInput, ActivityRow>[] };

function previewOf(kind: ImportKind, planned: Planned[], fileErrors: string[] = []): ImportPreview {
  const rows = planned.map((p) => ({ row: p.row, name: p.name, errors: p.errors, action: p.action, recordId: p.recordId, changes: p.changes }));
  const invalid = rows.filter((r) => r.errors.length).length;
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const r of rows) if (r.action) counts[r.action]++;
  return { kind, rows, valid: rows.length - invalid, invalid, counts, fileErrors };
}

async function validate(tx: Pick<Tx, "user" | "dataAsset" | "processingActivity">, kind: ImportKind, text: string): Promise<Validated> {
  const empty = (fileErrors: string[]): Validated => ({ preview: previewOf(kind, [], fileErrors), assets: [], activities: [] });
  if (Buffer.byteLength(text, "utf8") > IMPORT_MAX_BYTES) return empty([`The file is larger than ${IMPORT_MAX_BYTES / 1_000_000} MB.`]);
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvParseError) return empty([`The file is not valid CSV near line ${e.line}: ${e.message}.`]);
    throw e;
  }
  const { records, headerErrors } = rowsToRecords(rows, kind === "assets" ? ASSET_COLUMNS : ACTIVITY_COLUMNS);
  if (headerErrors.length) return empty(headerErrors);
  if (records.length === 0) return empty(["The file has a header but no rows."]);
  if (records.length > IMPORT_MAX_ROWS) return empty([`The file has more than ${IMPORT_MAX_ROWS} rows; split it.`]);
  if (kind === "assets") {
    const assets = await planAssets(tx, await parseAssetRows(tx, records));
    return { preview: previewOf(kind, assets), assets, activities: [] };
  }
  const activities = await planActivities(tx, await parseActivityRows(tx, records));
  return { preview: previewOf(kind, activities), assets: [], activities };
}

/** A blank next review keeps the scheduled one; a new date is scheduled as the form would. */
function nextReviewOf(merged: { nextReviewAt: string | null; reviewIntervalMonths: number }, current: { nextReviewAt: Date | null } | null, before: string | null) {
  if (current && merged.nextReviewAt === before) return current.nextReviewAt;
  return nextReviewFor(merged.nextReviewAt, merged.reviewIntervalMonths);
}

/** PostgreSQL: the advisory-lock namespace of imports (any constant). */
const IMPORT_LOCK_SPACE = 7_263_101;

/**
 * PostgreSQL: one import of a kind at a time. Rows are matched to records by name, so two
 * imports of one file read "no such asset" side by side under READ COMMITTED and both
 * created it (10 copies from 20 parallel imports, found by tests/db/races). The second now
 * waits, then matches the first one's rows. SQLite has one writer and needs none.
 */
async function lockImports(tx: Tx, kind: ImportKind) {
  if (dialect() !== "postgresql") return;
  // $executeRaw: the lock returns void, which the query path cannot deserialise.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_SPACE}::int, hashtext(${kind}))`;
}

/** What the file holds and its text, or a refusal in words (a thrown ZodError would be a 500). */
function importInput(kind: unknown, text: unknown): { k: ImportKind; text: string } {
  const k = kindSchema.safeParse(kind);
  if (!k.success) throw new AppError("VALIDATION", "Choose what the file holds: assets or activities.");
  if (typeof text !== "string") throw new AppError("VALIDATION", "Choose a CSV file.");
  return { k: k.data, text };
}

export async function previewImport(actor: Actor, kind: unknown, csv: unknown): Promise<ImportPreview> {
  await requirePermission(actor, "inventory:write", { type: "InventoryImport" });
  const { k, text } = importInput(kind, csv);
  return (await validate(db(), k, text)).preview;
}

export async function commitImport(actor: Actor, kind: unknown, csv: unknown) {
  await requirePermission(actor, "inventory:write", { type: "InventoryImport" });
  const { k, text } = importInput(kind, csv);
  return db().$transaction(async (tx) => {
    await lockImports(tx, k);
    // Validated again inside the transaction: the preview may be stale, and an owner or
    // asset named by the file may have changed since.
    const v = await validate(tx, k, text);
    if (v.preview.fileErrors.length || v.preview.invalid > 0) {
      throw new AppError("VALIDATION", `Nothing was imported: ${v.preview.fileErrors.join(" ") || `${v.preview.invalid} row(s) have errors`}.`, v.preview);
    }
    const ids: string[] = [];
    const counts = v.preview.counts;
    for (const p of v.assets) {
      if (p.action === "create") ids.push((await insertAsset(tx, actor, p.merged!)).id);
      if (p.action === "update") {
        await writeAssetUpdate(tx, actor, p.current!, p.merged!, nextReviewOf(p.merged!, p.current, assetInputOf(p.current!).nextReviewAt), p.diff);
        ids.push(p.current!.id);
      }
    }
    for (const p of v.activities) {
      if (p.action === "create") ids.push((await insertActivity(tx, actor, p.merged!)).id);
      if (p.action === "update") {
        await writeActivityUpdate(tx, actor, p.current!, p.merged!, nextReviewOf(p.merged!, p.current, activityInputOf(p.current!).nextReviewAt), p.diff);
        ids.push(p.current!.id);
      }
    }
    // A file that changes nothing (the exported register, imported again) writes nothing at all.
    if (ids.length) {
      await appendAudit(tx, actor, { action: "inventory.import", entityType: k === "assets" ? "DataAsset" : "ProcessingActivity", diff: { rows: v.preview.rows.length, created: counts.create, updated: counts.update, unchanged: counts.unchanged } });
    }
    return { kind: k, imported: ids.length, created: counts.create, updated: counts.update, unchanged: counts.unchanged, ids };
  });
}
