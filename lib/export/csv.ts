// CSV writer and reader (RFC 4180). Cells are neutralised against spreadsheet formula
// injection (OWASP "CSV Injection"): a value starting with = + - @ tab or CR gets a
// leading apostrophe, so Excel/Sheets show it as text instead of running it.

export type Cell = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCellText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, neutralised and quoted, without its line end (for streamed exports too). */
export function csvLine(row: Cell[]): string {
  return row.map((c) => quote(safeCellText(c))).join(",");
}

/** BOM so Excel opens UTF-8 correctly; CRLF per RFC 4180. */
export const CSV_BOM = "\uFEFF";

export function toCsv(headers: string[], rows: Cell[][]): string {
  const lines = [csvLine(headers), ...rows.map(csvLine)];
  return CSV_BOM + lines.join("\r\n") + "\r\n";
}

export class CsvParseError extends Error {
  constructor(message: string, public readonly line: number) {
    super(message);
  }
}

/** Parses CSV text into rows of strings; handles quotes, escaped quotes, CRLF and a BOM. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  let line = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field.length > 0) throw new CsvParseError(`unexpected quote inside an unquoted field`, line);
      inQuotes = true;
    } else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      line++;
    } else field += ch;
  }
  if (inQuotes) throw new CsvParseError("a quoted field is not closed", line);
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}
