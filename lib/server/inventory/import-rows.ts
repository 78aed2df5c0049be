import "server-only";
// One CSV row -> one validated asset or activity input, with every problem named by row,
// column and the value as the file has it (lib/inventory/import-messages.ts).
import { parseBool, parseIntCell, splitList, splitTagged } from "@/lib/inventory/csv-format";
import { cellError, issueMessage } from "@/lib/inventory/import-messages";
import { activityInputSchema, assetInputSchema, type ActivityInput, type AssetInput } from "@/lib/validation/inventory";
import type { Tx } from "@/lib/server/db";

export type CsvRecord = { row: number; cells: Record<string, string> };
export type ParsedRow<T> = {
  row: number;
  name: string;
  id: string | null;
  errors: string[];
  input: T | null;
  raw: Record<string, unknown>;
  /** Activities: linked assets that are archived, by id -> name (allowed only where the link already exists). */
  archivedLinks?: Map<string, string>;
};

const blank = (v: string | undefined) => (v && v.length ? v : null);

/** Yes/no and whole-number cells, checked before the schema so the error names the cell as typed. */
function cells(row: number, c: Record<string, string>, errors: string[]) {
  const bool = (column: string) => {
    const v = parseBool(c[column] ?? "");
    if (v === "invalid") errors.push(cellError(row, column, `"${c[column]}" must be yes or no`));
    return v === true;
  };
  const int = (column: string) => {
    const v = parseIntCell(c[column] ?? "");
    if (v === "invalid") errors.push(cellError(row, column, `"${c[column]}" must be a whole number`));
    return typeof v === "number" ? v : null;
  };
  return { bool, int };
}

function finish<T>(row: number, c: Record<string, string>, errors: string[], raw: Record<string, unknown>, parsed: { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }): ParsedRow<T> {
  if (!parsed.success) errors.push(...parsed.error.issues.map((i) => issueMessage(row, i, raw)));
  return { row, name: c.name ?? "", id: blank(c.id), errors, input: parsed.success && !errors.length ? parsed.data : null, raw };
}

export async function parseAssetRows(tx: Pick<Tx, "user">, records: CsvRecord[]): Promise<ParsedRow<AssetInput>[]> {
  const emails = [...new Set(records.map((r) => r.cells.owner_email?.toLowerCase()).filter((e): e is string => !!e))];
  const users = emails.length ? await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, disabledAt: true } }) : [];
  const byEmail = new Map(users.filter((u) => !u.disabledAt).map((u) => [u.email.toLowerCase(), u.id]));
  return records.map(({ row, cells: c }) => {
    const errors: string[] = [];
    const { bool, int } = cells(row, c, errors);
    const ownerEmail = c.owner_email?.toLowerCase();
    const ownerId = ownerEmail ? byEmail.get(ownerEmail) : null;
    if (ownerEmail && !ownerId) errors.push(cellError(row, "owner_email", `"${c.owner_email}" is not an active user`));
    const interval = int("review_interval_months");
    const raw: Record<string, unknown> = {
      name: c.name ?? "",
      description: blank(c.description),
      ownerId: ownerId ?? null,
      businessUnit: blank(c.business_unit),
      hosting: c.hosting || undefined,
      hostingProvider: blank(c.hosting_provider),
      locations: splitList(c.locations ?? ""),
      dataCategories: splitList(c.data_categories ?? ""),
      subjectCategories: splitList(c.subject_categories ?? ""),
      volumeBand: blank(c.volume_band),
      encryptionAtRest: c.encryption_at_rest || undefined,
      encryptionInTransit: c.encryption_in_transit || undefined,
      accessControl: c.access_control || undefined,
      mfaEnforced: bool("mfa_enforced"),
      loggingEnabled: bool("logging_enabled"),
      lastPenTestAt: blank(c.last_pen_test),
      backup: c.backup || undefined,
      retentionMonths: int("retention_months"),
      deletionMethod: c.deletion_method || "none",
      ...(interval !== null ? { reviewIntervalMonths: interval } : {}),
      nextReviewAt: blank(c.next_review),
    };
    return finish(row, c, errors, raw, assetInputSchema.safeParse(raw));
  });
}

export async function parseActivityRows(tx: Pick<Tx, "dataAsset">, records: CsvRecord[]): Promise<ParsedRow<ActivityInput>[]> {
  const names = [...new Set(records.flatMap((r) => splitList(r.cells.asset_names ?? "")))];
  // Archived assets are looked up too: an exported activity may still link one (the link is
  // kept for history); only a new link to one is refused, once the row is matched.
  const found = names.length ? await tx.dataAsset.findMany({ where: { name: { in: names } }, select: { id: true, name: true, archivedAt: true } }) : [];
  const byName = new Map<string, typeof found>();
  for (const a of found) byName.set(a.name, [...(byName.get(a.name) ?? []), a]);
  return records.map(({ row, cells: c }) => {
    const errors: string[] = [];
    const { bool, int } = cells(row, c, errors);
    const assetIds: string[] = [];
    const archivedLinks = new Map<string, string>();
    for (const n of splitList(c.asset_names ?? "")) {
      const all = byName.get(n) ?? [];
      const active = all.filter((a) => !a.archivedAt);
      const pick = all.length === 1 ? all : active;
      if (all.length === 0) errors.push(cellError(row, "asset_names", `"${n}" is not an asset in the register`));
      else if (pick.length !== 1) errors.push(cellError(row, "asset_names", `"${n}" matches ${all.length} assets; rename one`));
      else {
        assetIds.push(pick[0]!.id);
        if (pick[0]!.archivedAt) archivedLinks.set(pick[0]!.id, n);
      }
    }
    const interval = int("review_interval_months");
    const raw: Record<string, unknown> = {
      name: c.name ?? "",
      description: blank(c.description),
      role: c.role || undefined,
      controllerName: c.controller_name ?? "",
      controllerContact: blank(c.controller_contact),
      jointControllers: blank(c.joint_controllers),
      representative: blank(c.representative),
      dpoContact: blank(c.dpo_contact),
      onBehalfOf: blank(c.on_behalf_of),
      purposes: splitList(c.purposes ?? "").map((p) => {
        const { text, code } = splitTagged(p);
        return { purpose: text, lawfulBasis: code };
      }),
      art9Condition: blank(c.art9_condition),
      subjectCategories: splitList(c.subject_categories ?? ""),
      dataCategories: splitList(c.data_categories ?? ""),
      recipients: splitList(c.recipients ?? "").map((r) => {
        const { text, code } = splitTagged(r);
        return { name: text, kind: code ?? "external" };
      }),
      transfers: splitList(c.transfers ?? "").map((t) => {
        const { text, code } = splitTagged(t);
        const [country = "", ...rest] = text.split(/\s+/);
        return { country, recipient: rest.join(" ") || null, safeguard: code ?? "none" };
      }),
      erasureTimeLimit: blank(c.erasure_time_limit),
      securityMeasures: blank(c.security_measures),
      dpiaRequired: bool("dpia_required"),
      dpiaStatus: c.dpia_status || undefined,
      assetIds,
      ...(interval !== null ? { reviewIntervalMonths: interval } : {}),
      nextReviewAt: blank(c.next_review),
    };
    return { ...finish(row, c, errors, raw, activityInputSchema.safeParse(raw)), archivedLinks };
  });
}
