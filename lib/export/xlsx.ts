// XLSX workbooks for register exports. Text cells go through the same formula-injection
// guard as CSV, and are written as strings, never as formulas.
import ExcelJS from "exceljs";
import { safeCellText, type Cell } from "@/lib/export/csv";

export type Sheet = { name: string; headers: string[]; rows: Cell[][] };

export async function toXlsx(sheets: Sheet[], meta: { title?: string; creator?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator ?? "Compliance & Oversight Dashboard";
  wb.created = new Date();
  if (meta.title) wb.title = meta.title;
  for (const s of sheets) {
    // Excel limits sheet names to 31 characters without []:*?/\
    const ws = wb.addWorksheet(s.name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31));
    ws.addRow(s.headers);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1 }];
    for (const r of s.rows) {
      ws.addRow(r.map((c) => (typeof c === "number" || typeof c === "boolean" ? c : c instanceof Date ? c : safeCellText(c))));
    }
    ws.columns.forEach((col, i) => {
      const longest = Math.max(s.headers[i]?.length ?? 8, ...s.rows.slice(0, 200).map((r) => safeCellText(r[i]).length));
      col.width = Math.min(60, Math.max(10, longest + 2));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
