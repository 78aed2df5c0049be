import "server-only";
// CSV import of assets or processing activities. Preview validates every row and names
// the bad ones by row number; commit re-validates and writes all rows in ONE transaction,
// so a file with any bad row changes nothing.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { CsvParseError, parseCsv } from "@/lib/export/csv";
import {
  ACTIVITY_COLUMNS,
  ASSET_COLUMNS,
  parseBool,
  parseIntCell,
  rowsToRecords,
  splitList,
  splitTagged,
} from "@/lib/inventory/csv-format";
import { activityInputSchema, assetInputSchema, type ActivityInput, type AssetInput } from "@/lib/validation/inventory";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";
import { insertActivity } from "@/lib/server/inventory/activities";
import { insertAsset } from "@/lib/server/inventory/assets";

export const IMPORT_MAX_BYTES = 1_000_000;
export const IMPORT_MAX_ROWS = 2000;
const kindSchema = z.enum(["assets", "activities"]);
export type ImportKind = z.infer<typeof kindSchema>;

export type ImportRowResult = { row: number; name: string; errors: string[] };
export type ImportPreview = { kind: ImportKind; rows: ImportRowResult[]; valid: number; invalid: number; fileErrors: string[] };

type Validated = { preview: ImportPreview; assets: AssetInput[]; activities: ActivityInput[] };

const blank = (v: string | undefined) => (v && v.length ? v : null);

function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${i.path.map(String).join(".") || "row"} ${i.message}`);
}

async function validate(tx: Pick<Tx, "user" | "dataAsset">, kind: ImportKind, text: string): Promise<Validated> {
  const empty = (fileErrors: string[]): Validated => ({ preview: { kind, rows: [], valid: 0, invalid: 0, fileErrors }, assets: [], activities: [] });
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

  const results: ImportRowResult[] = [];
  const assets: AssetInput[] = [];
  const activities: ActivityInput[] = [];

  if (kind === "assets") {
    const emails = [...new Set(records.map((r) => r.cells.owner_email?.toLowerCase()).filter((e): e is string => !!e))];
    const users = emails.length ? await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, disabledAt: true } }) : [];
    const byEmail = new Map(users.filter((u) => !u.disabledAt).map((u) => [u.email.toLowerCase(), u.id]));
    for (const { row, cells } of records) {
      const errors: string[] = [];
      const ownerEmail = cells.owner_email?.toLowerCase();
      const ownerId = ownerEmail ? byEmail.get(ownerEmail) : null;
      if (ownerEmail && !ownerId) errors.push(`owner_email ${cells.owner_email} is not an active user`);
      const bools = { mfaEnforced: parseBool(cells.mfa_enforced ?? ""), loggingEnabled: parseBool(cells.logging_enabled ?? "") };
      if (bools.mfaEnforced === "invalid") errors.push("mfa_enforced must be yes or no");
      if (bools.loggingEnabled === "invalid") errors.push("logging_enabled must be yes or no");
      const retention = parseIntCell(cells.retention_months ?? "");
      if (retention === "invalid") errors.push("retention_months must be a whole number of months");
      const interval = parseIntCell(cells.review_interval_months ?? "");
      if (interval === "invalid") errors.push("review_interval_months must be a whole number");
      const parsed = assetInputSchema.safeParse({
        name: cells.name ?? "",
        description: blank(cells.description),
        ownerId: ownerId ?? null,
        businessUnit: blank(cells.business_unit),
        hosting: cells.hosting || undefined,
        hostingProvider: blank(cells.hosting_provider),
        locations: splitList(cells.locations ?? ""),
        dataCategories: splitList(cells.data_categories ?? ""),
        subjectCategories: splitList(cells.subject_categories ?? ""),
        volumeBand: blank(cells.volume_band),
        encryptionAtRest: cells.encryption_at_rest || undefined,
        encryptionInTransit: cells.encryption_in_transit || undefined,
        accessControl: cells.access_control || undefined,
        mfaEnforced: bools.mfaEnforced === true,
        loggingEnabled: bools.loggingEnabled === true,
        lastPenTestAt: blank(cells.last_pen_test),
        backup: cells.backup || undefined,
        retentionMonths: typeof retention === "number" ? retention : null,
        deletionMethod: cells.deletion_method || "none",
        ...(typeof interval === "number" ? { reviewIntervalMonths: interval } : {}),
        nextReviewAt: blank(cells.next_review),
      });
      if (!parsed.success) errors.push(...issuesToErrors(parsed.error.issues));
      else if (!errors.length) assets.push(parsed.data);
      results.push({ row, name: cells.name ?? "", errors });
    }
  } else {
    const names = [...new Set(records.flatMap((r) => splitList(r.cells.asset_names ?? "")))];
    const found = names.length ? await tx.dataAsset.findMany({ where: { name: { in: names } }, select: { id: true, name: true } }) : [];
    const byName = new Map<string, string[]>();
    for (const a of found) byName.set(a.name, [...(byName.get(a.name) ?? []), a.id]);
    for (const { row, cells } of records) {
      const errors: string[] = [];
      const assetIds: string[] = [];
      for (const n of splitList(cells.asset_names ?? "")) {
        const ids = byName.get(n) ?? [];
        if (ids.length === 0) errors.push(`asset_names: no asset named "${n}"`);
        else if (ids.length > 1) errors.push(`asset_names: "${n}" matches ${ids.length} assets; rename one`);
        else assetIds.push(ids[0]!);
      }
      const dpia = parseBool(cells.dpia_required ?? "");
      if (dpia === "invalid") errors.push("dpia_required must be yes or no");
      const interval = parseIntCell(cells.review_interval_months ?? "");
      if (interval === "invalid") errors.push("review_interval_months must be a whole number");
      const transfers = splitList(cells.transfers ?? "").map((t) => {
        const { text, code } = splitTagged(t);
        const [country = "", ...rest] = text.split(/\s+/);
        return { country, recipient: rest.join(" ") || null, safeguard: code ?? "none" };
      });
      const parsed = activityInputSchema.safeParse({
        name: cells.name ?? "",
        description: blank(cells.description),
        role: cells.role || undefined,
        controllerName: cells.controller_name ?? "",
        controllerContact: blank(cells.controller_contact),
        jointControllers: blank(cells.joint_controllers),
        representative: blank(cells.representative),
        dpoContact: blank(cells.dpo_contact),
        onBehalfOf: blank(cells.on_behalf_of),
        purposes: splitList(cells.purposes ?? "").map((p) => {
          const { text, code } = splitTagged(p);
          return { purpose: text, lawfulBasis: code };
        }),
        art9Condition: blank(cells.art9_condition),
        subjectCategories: splitList(cells.subject_categories ?? ""),
        dataCategories: splitList(cells.data_categories ?? ""),
        recipients: splitList(cells.recipients ?? "").map((r) => {
          const { text, code } = splitTagged(r);
          return { name: text, kind: code ?? "external" };
        }),
        transfers,
        erasureTimeLimit: blank(cells.erasure_time_limit),
        securityMeasures: blank(cells.security_measures),
        dpiaRequired: dpia === true,
        dpiaStatus: cells.dpia_status || undefined,
        assetIds,
        ...(typeof interval === "number" ? { reviewIntervalMonths: interval } : {}),
        nextReviewAt: blank(cells.next_review),
      });
      if (!parsed.success) errors.push(...issuesToErrors(parsed.error.issues));
      else if (!errors.length) activities.push(parsed.data);
      results.push({ row, name: cells.name ?? "", errors });
    }
  }
  const invalid = results.filter((r) => r.errors.length).length;
  return { preview: { kind, rows: results, valid: results.length - invalid, invalid, fileErrors: [] }, assets, activities };
}

export async function previewImport(actor: Actor, kind: unknown, text: unknown): Promise<ImportPreview> {
  await requirePermission(actor, "inventory:write", { type: "InventoryImport" });
  const k = kindSchema.parse(kind);
  if (typeof text !== "string") throw new AppError("VALIDATION", "Choose a CSV file.");
  return (await validate(db(), k, text)).preview;
}

export async function commitImport(actor: Actor, kind: unknown, text: unknown) {
  await requirePermission(actor, "inventory:write", { type: "InventoryImport" });
  const k = kindSchema.safeParse(kind);
  if (!k.success) throw new AppError("VALIDATION", "Choose what the file holds: assets or activities.");
  if (typeof text !== "string") throw new AppError("VALIDATION", "Choose a CSV file.");
  return db().$transaction(async (tx) => {
    // Validated again inside the transaction: the preview may be stale, and an owner or
    // asset named by the file may have changed since.
    const v = await validate(tx, k.data, text);
    if (v.preview.fileErrors.length || v.preview.invalid > 0) {
      throw new AppError("VALIDATION", `Nothing was imported: ${v.preview.fileErrors.join(" ") || `${v.preview.invalid} row(s) have errors`}.`, v.preview);
    }
    const ids: string[] = [];
    if (k.data === "assets") for (const a of v.assets) ids.push((await insertAsset(tx, actor, a)).id);
    else for (const p of v.activities) ids.push((await insertActivity(tx, actor, p)).id);
    await appendAudit(tx, actor, { action: "inventory.import", entityType: k.data === "assets" ? "DataAsset" : "ProcessingActivity", diff: { rows: ids.length } });
    return { kind: k.data, imported: ids.length, ids };
  });
}
