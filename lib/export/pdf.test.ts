import { describe, expect, it } from "vitest";
import { renderPdf, type PdfBlock } from "@/lib/export/pdf";
import { checkPdfLayout } from "@/tests/support/pdf-layout";
import { pdfPages } from "@/tests/support/pdf-pages";

const words = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ["processing", "of", "personal", "data", "for", "payroll", "and", "the", "controller's", "records", "encrypted", "at", "rest"][(i * 7 + seed) % 13]).join(" ");
const sha = (i: number) => i.toString(16).padStart(4, "0").repeat(16);

/** An Art. 30-like record: per activity a heading, a description and long key/value pairs. */
function record(activities: number): PdfBlock[] {
  const blocks: PdfBlock[] = [{ kind: "paragraph", text: words(80, 1) }, { kind: "heading", text: "Part A — Controller (Art. 30(1))" }];
  for (let a = 0; a < activities; a++) {
    blocks.push({ kind: "heading", text: `Activity ${a + 1}: ${words(6, a)}` });
    if (a % 3 === 0) blocks.push({ kind: "paragraph", text: words(120 + a * 10, a) });
    blocks.push({
      kind: "keyValues",
      items: Array.from({ length: 15 }, (_, k): [string, string] => [`(${String.fromCharCode(97 + (k % 7))}) Field number ${k} with a longer label`, k % 4 === 0 ? words(20 + ((a * k) % 150), k) : k % 5 === 0 ? "" : words(3, k)]),
    });
  }
  return blocks;
}

const texts = (pdf: Buffer) => pdfPages(pdf).map((p) => p.runs.map((r) => r.text).join(" "));

describe("renderPdf: pages laid out for the content", () => {
  it("a long Art. 30-like record: no blank pages, footers count the real pages, labels beside values, no orphan headings", async () => {
    const pdf = await renderPdf({ title: "Record of processing activities", subtitle: "Demo · GDPR Art. 30", footer: "Demo — Art. 30 record", blocks: record(40) });
    const layout = checkPdfLayout(pdf, "record");
    expect(layout.problems).toEqual([]);
    expect(layout.pages).toBeGreaterThan(10);
    // Every value is printed once, in full: nothing was lost at a page break.
    expect(texts(pdf).join(" ")).toContain("Activity 40:");
  });

  it("a short document is one page with one footer", async () => {
    const pdf = await renderPdf({ title: "Consent receipt", footer: "GDPR Art. 7(1)", blocks: [{ kind: "heading", text: "State" }, { kind: "keyValues", items: [["Data subject", "jane@example.org"]] }] });
    expect(checkPdfLayout(pdf)).toEqual({ pages: 1, problems: [] });
    expect(texts(pdf)[0]).toContain("GDPR Art. 7(1) · Page 1 of 1");
  });

  it("tables: long rows and hashes wrap inside their cells, the header repeats on every page, no row is split", async () => {
    const rows = Array.from({ length: 180 }, (_, i) => [`purpose-${i}`, `v${i}`, i % 9 === 0 ? words(40, i) : "2026-11-02 09:00:00 UTC", sha(i)]);
    const pdf = await renderPdf({ title: "Notice texts", blocks: [{ kind: "heading", text: "Notice texts (SHA-256)" }, { kind: "table", headers: ["Purpose", "Version", "Published", "SHA-256"], rows, widths: [100, 45, 110, 240] }] });
    const layout = checkPdfLayout(pdf, "table");
    expect(layout.problems).toEqual([]);
    expect(layout.pages).toBeGreaterThan(3);
    const pages = texts(pdf);
    for (const p of pages) expect(p).toContain("Purpose Version Published SHA-256");
    // Each row's cells end on the page they started on.
    for (let i = 0; i < rows.length; i++) expect(pages.filter((p) => p.includes(`purpose-${i} `)).length).toBe(1);
  });

  it("bullets, paragraphs longer than a page and a heading at the bottom of a page", async () => {
    const blocks: PdfBlock[] = [
      { kind: "paragraph", text: words(1400, 3) },
      { kind: "bullets", items: Array.from({ length: 60 }, (_, i) => words(10 + (i % 5) * 12, i)) },
      ...Array.from({ length: 30 }, (_, i): PdfBlock[] => [{ kind: "heading", text: `Section ${i}` }, { kind: "paragraph", text: words(60, i) }]).flat(),
    ];
    const layout = checkPdfLayout(await renderPdf({ title: "Breach report", footer: "INC-2026-0001", blocks }), "mixed");
    expect(layout.problems).toEqual([]);
    expect(layout.pages).toBeGreaterThan(4);
  });

  it("a value longer than a page continues on the next pages, marked (continued) where its label was", async () => {
    const value = Array.from({ length: 120 }, (_, i) => `Measure ${i}: ${words(12, i)}.`).join("\n");
    const pdf = await renderPdf({ title: "T", blocks: [{ kind: "keyValues", items: [["Before", "x"], ["(g) Security measures", value], ["After", "y"]] }] });
    const layout = checkPdfLayout(pdf, "long value");
    expect(layout.problems).toEqual([]);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[0]!.runs.map((r) => r.text)).toContain("(g) Security measures");
    for (const p of pages.slice(1)) expect(p.runs.filter((r) => r.text === "(continued)").length).toBe(1);
    expect(texts(pdf).join(" ").match(/Measure \d+:/g)).toHaveLength(120);
  });

  it("a word wider than its cell breaks after a hyphen, else between characters", async () => {
    const pdf = await renderPdf({ title: "T", blocks: [{ kind: "table", headers: ["Controls", "Hash"], rows: [["SEC-LEAST-PRIVILEGE", sha(7)]], widths: [60, 80] }] });
    expect(checkPdfLayout(pdf).problems).toEqual([]);
    const runs = pdfPages(pdf)[0]!.runs.map((r) => r.text);
    expect(runs).toEqual(expect.arrayContaining(["SEC-LEAST-", "PRIVILEGE"]));
    expect(runs.filter((r) => /^[0-9a-f]+$/.test(r)).join("")).toBe(sha(7));
  });

  it("a footer too long for one line wraps and keeps the page count whole", async () => {
    const footer = words(40, 2);
    const pdf = await renderPdf({ title: "T", footer, blocks: [{ kind: "paragraph", text: words(2000, 1) }] });
    const layout = checkPdfLayout(pdf, "long footer");
    expect(layout.problems).toEqual([]);
    expect(texts(pdf).at(-1)).toContain(`Page ${layout.pages} of ${layout.pages}`);
  });
});
