// The register's CSV layout, shared by export and import so an exported file imports
// again. Lists inside a cell are separated by ";"; a purpose, recipient or transfer carries
// its code in brackets: "Pay salaries [contract]", "Payroll bureau [processor]",
// "US Payroll Inc [scc]". The last column, id, is the stable key an import matches on
// (docs/decisions/101); a row without one is matched by name, or created.

export const ASSET_COLUMNS = [
  "name", "description", "owner_email", "business_unit", "hosting", "hosting_provider", "locations", "data_categories",
  "subject_categories", "volume_band", "encryption_at_rest", "encryption_in_transit", "access_control", "mfa_enforced",
  "logging_enabled", "last_pen_test", "backup", "retention_months", "deletion_method", "review_interval_months", "next_review", "id",
] as const;

export const ACTIVITY_COLUMNS = [
  "name", "description", "role", "controller_name", "controller_contact", "joint_controllers", "representative", "dpo_contact",
  "on_behalf_of", "purposes", "art9_condition", "subject_categories", "data_categories", "recipients", "transfers",
  "erasure_time_limit", "security_measures", "dpia_required", "dpia_status", "asset_names", "review_interval_months", "next_review", "id",
] as const;

export function splitList(cell: string): string[] {
  return cell.split(";").map((s) => s.trim()).filter(Boolean);
}
export function joinList(values: readonly string[]): string {
  return values.join("; ");
}

/** "Text [code]" -> { text, code }; no brackets -> code null. */
export function splitTagged(item: string): { text: string; code: string | null } {
  const m = /^(.*?)\s*\[([^\]]*)\]\s*$/.exec(item);
  if (!m) return { text: item.trim(), code: null };
  return { text: m[1]!.trim(), code: m[2]!.trim() || null };
}
export function tagged(text: string, code: string | null): string {
  return code ? `${text} [${code}]` : text;
}

export function parseBool(cell: string): boolean | "invalid" {
  const v = cell.trim().toLowerCase();
  if (["yes", "y", "true", "1"].includes(v)) return true;
  if (["no", "n", "false", "0", ""].includes(v)) return false;
  return "invalid";
}

/** Undo the export's formula guard (a leading apostrophe before = + - @). */
export function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export function parseIntCell(cell: string): number | null | "invalid" {
  const v = cell.trim();
  if (!v) return null;
  return /^\d+$/.test(v) ? Number(v) : "invalid";
}

/** Turns the CSV's rows into objects keyed by the expected header; reports unknown/missing columns. */
export function rowsToRecords(rows: string[][], columns: readonly string[]): { records: { row: number; cells: Record<string, string> }[]; headerErrors: string[] } {
  const [header, ...data] = rows;
  if (!header) return { records: [], headerErrors: ["The file is empty."] };
  const names = header.map((h) => h.trim().toLowerCase());
  const headerErrors: string[] = [];
  const unknown = names.filter((n) => n && !columns.includes(n));
  if (unknown.length) headerErrors.push(`Unknown column(s): ${unknown.join(", ")}.`);
  if (!names.includes("name")) headerErrors.push("The column 'name' is required.");
  const records = data.map((cells, i) => {
    const rec: Record<string, string> = {};
    names.forEach((n, j) => {
      if (n) rec[n] = unguard(cells[j] ?? "").trim();
    });
    // Row numbers as a spreadsheet shows them: the header is row 1.
    return { row: i + 2, cells: rec };
  });
  return { records, headerErrors };
}
