import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv, safeCellText, toCsv } from "./csv";
import { renderPdf } from "./pdf";
import { toXlsx } from "./xlsx";

describe("CSV export (RFC 4180, formula-injection safe)", () => {
  it.each(["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=x"])("neutralises formula-looking text %j", (v) => {
    expect(safeCellText(v).startsWith("'")).toBe(true);
  });

  it("quotes commas, quotes and newlines and round-trips through the parser", () => {
    const csv = toCsv(["name", "note"], [["a,b", 'say "hi"'], ["line\nbreak", null], [1, true]]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(parseCsv(csv)).toEqual([["name", "note"], ["a,b", 'say "hi"'], ["line\nbreak", ""], ["1", "true"]]);
  });

  it("reports an unclosed quote with its line", () => {
    expect(() => parseCsv('a,b\n"open,1\n')).toThrow(/not closed/);
  });
});

describe("XLSX export", () => {
  it("writes a sheet whose cells are text, never formulas", async () => {
    const buf = await toXlsx([{ name: "Register: 2026/Q1", headers: ["a", "b"], rows: [["=HYPERLINK(\"x\")", 3]] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("Register  2026 Q1");
    expect(ws.getCell("A2").value).toBe("'=HYPERLINK(\"x\")");
    expect(ws.getCell("B2").value).toBe(3);
  });
});

describe("PDF rendering", () => {
  it("produces a multi-page PDF with the title in its metadata", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`row ${i}`, "x".repeat(40)]);
    const pdf = await renderPdf({ title: "Record of processing", subtitle: "Art. 30 GDPR", blocks: [{ kind: "keyValues", items: [["Controller", "Demo Org"]] }, { kind: "table", headers: ["A", "B"], rows }] });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/Count [2-9]/);
  });
});
