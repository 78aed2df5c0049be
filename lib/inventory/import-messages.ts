// Import errors and changes in the words of the file, not of the code: a person fixing a
// spreadsheet knows the column "Data categories" and the value they typed ("helth"), not
// the field path `dataCategories.2` (docs/decisions/101-records-lifecycle.md).

/** Input fields whose column is not simply the field in snake_case. */
const COLUMN_OF: Record<string, string> = {
  ownerId: "owner_email",
  lastPenTestAt: "last_pen_test",
  nextReviewAt: "next_review",
  assetIds: "asset_names",
};

export function columnOf(field: string): string {
  return COLUMN_OF[field] ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** "data_categories" -> "Data categories", as the column reads in a spreadsheet. */
export function columnLabel(column: string): string {
  const words = column.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function cellError(row: number, column: string, message: string): string {
  return `Row ${row}, "${columnLabel(column)}": ${message}`;
}

type Issue = { path: readonly PropertyKey[]; message: string; code?: string; values?: readonly unknown[]; maximum?: unknown; minimum?: unknown; origin?: string };

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const k of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

const quoted = (v: unknown) => `"${typeof v === "string" ? v : JSON.stringify(v)}"`;

function what(issue: Issue, value: unknown): string {
  const missing = value === undefined || value === null || value === "";
  if (issue.code === "invalid_value" && issue.values) {
    const known = /^Invalid/.test(issue.message) ? "is not a known value" : issue.message;
    return `${missing ? "(empty)" : quoted(value)} ${known} (expected one of ${issue.values.map(String).join(", ")})`;
  }
  if (missing && (issue.code === "invalid_type" || issue.code === "too_small")) return "is required";
  const sized = issue.origin === "string" ? " characters" : issue.origin === "array" ? " items" : "";
  if (issue.code === "too_big") return `${quoted(value)} is too large (at most ${String(issue.maximum)}${sized})`;
  if (issue.code === "too_small") return `${quoted(value)} is too small (at least ${String(issue.minimum)}${sized})`;
  if (issue.code === "invalid_type") return `${quoted(value)} is not valid here`;
  return `${quoted(value)} ${issue.message}`;
}

/**
 * One zod issue of a row as a sentence: `Row 3, "Data categories": "helth" is not a known
 * data category (expected one of …)`. `raw` is what was validated, so the value is the
 * one from the file.
 */
export function issueMessage(row: number, issue: Issue, raw: unknown): string {
  const [field, ...rest] = issue.path.map(String);
  if (!field) return `Row ${row}: ${issue.message}`;
  const index = rest.find((p) => /^\d+$/.test(p));
  const where = index !== undefined && rest.length > 1 ? ` item ${Number(index) + 1}` : "";
  return `Row ${row}, "${columnLabel(columnOf(field))}"${where}: ${what(issue, valueAt(raw, issue.path))}`;
}

/** A value as the export writes it, for "before -> after" in the preview. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "(empty)";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v)) return v.length ? v.map(formatValue).join("; ") : "(empty)";
  if (typeof v === "object") return Object.values(v as Record<string, unknown>).filter((x) => x !== null && x !== "").map(String).join(" ");
  return String(v);
}

export type FieldChange = { column: string; before: string; after: string };

/** The columns whose values differ, in column order of `after`. */
export function changesOf(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  return Object.keys(after)
    .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .map((k) => ({ column: columnLabel(columnOf(k)), before: formatValue(before[k]), after: formatValue(after[k]) }));
}
