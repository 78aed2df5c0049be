// A small document model rendered to PDF with pdfkit: headings, paragraphs, key/value
// lists and tables that break across pages. Reports (Art. 30 record, breach report,
// consent receipt) describe *what* to print; this file decides how it looks, and
// lib/export/pdf-flow.ts where pages break (docs/decisions/023-pdf-layout.md).
import PDFDocument from "pdfkit";
import { drawLine, Flow, lineHeight, MARGIN, wrapText, type Column, type Font } from "./pdf-flow";

export type PdfBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "keyValues"; items: [string, string][] }
  | { kind: "table"; headers: string[]; rows: string[][]; widths?: number[] }
  | { kind: "bullets"; items: string[] };

export type PdfDocumentSpec = { title: string; subtitle?: string; footer?: string; blocks: PdfBlock[] };

const BODY: Font = { name: "Helvetica", size: 10 };
const BOLD: Font = { name: "Helvetica-Bold", size: 10 };
const HEADING: Font = { name: "Helvetica-Bold", size: 13 };
const TITLE: Font = { name: "Helvetica-Bold", size: 18 };
const SUBTITLE: Font = { name: "Helvetica", size: 10, color: "#555" };
const CELL: Font = { name: "Helvetica", size: 8.5 };
const HEADER_CELL: Font = { name: "Helvetica-Bold", size: 8.5 };
const CONTINUED: Font = { name: "Helvetica", size: 10, color: "#777" };
const FOOTER: Font = { name: "Helvetica", size: 8, color: "#777" };
const KEY_WIDTH = 170;
const VALUE_X = 180;
const CELL_PAD = 3;

export function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // bufferPages: footers need the final page count, so pages stay open until every one is laid out.
    const doc = new PDFDocument({ size: "A4", margin: MARGIN, bufferPages: true, info: { Title: spec.title, Creator: "Compliance & Oversight Dashboard" } });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    try {
      layout(new Flow(doc), spec);
      drawFooters(doc, spec.footer);
      doc.end();
    } catch (e) {
      reject(e);
    }
  });
}

/** A block measured before anything is drawn, so a heading knows how much must follow it on its page. */
type Prepared = { first: number; place: () => void };

function layout(flow: Flow, spec: PdfDocumentSpec) {
  const text = (s: string, font: Font, x = MARGIN, width = flow.width): Column => ({ x, lines: wrapText(flow.doc, s, font, width), font });
  flow.place(flow.columns([text(spec.title, TITLE)], { keepWhole: true }));
  if (spec.subtitle) {
    flow.y += lineHeight(flow.doc, SUBTITLE) * 0.2;
    flow.place(flow.columns([text(spec.subtitle, SUBTITLE)], { keepWhole: true }));
  }
  flow.y += lineHeight(flow.doc, BODY);

  const prepared = spec.blocks.map((b) => prepare(flow, b, text));
  // A heading keeps company with the first part of what follows it (and a run of headings with each other).
  const keepWith: number[] = [];
  for (let i = prepared.length - 1; i >= 0; i--) {
    keepWith[i] = prepared[i]!.first + (spec.blocks[i]!.kind === "heading" && i + 1 < prepared.length ? keepWith[i + 1]! : 0);
  }
  prepared.forEach((p, i) => {
    if (spec.blocks[i]!.kind === "heading") flow.keep(Math.min(keepWith[i]!, flow.bottom - MARGIN));
    p.place();
  });
}

function prepare(flow: Flow, b: PdfBlock, text: (s: string, font: Font, x?: number, width?: number) => Column): Prepared {
  const bodyLine = lineHeight(flow.doc, BODY);
  switch (b.kind) {
    case "heading": {
      const h = lineHeight(flow.doc, HEADING);
      const unit = flow.columns([text(b.text, HEADING)], { keepWhole: true });
      return {
        first: h * 0.5 + Flow.firstPart(unit) + h * 0.3,
        place: () => {
          flow.gap(h * 0.5);
          flow.place(unit);
          flow.y += h * 0.3;
        },
      };
    }
    case "paragraph": {
      const unit = flow.columns([text(b.text, BODY)]);
      return { first: Flow.firstPart(unit), place: () => { flow.place(unit); flow.gap(bodyLine * 0.5); } };
    }
    case "bullets": {
      const indent = flow.doc.font(BODY.name).fontSize(BODY.size).widthOfString("•  ");
      const units = b.items.map((item) => flow.columns([{ x: MARGIN, lines: ["•"], font: BODY }, text(item, BODY, MARGIN + indent, flow.width - indent)], { keepWhole: true }));
      return { first: units[0] ? Flow.firstPart(units[0]) : 0, place: () => { units.forEach((u) => flow.place(u)); flow.gap(bodyLine * 0.5); } };
    }
    case "keyValues": {
      const units = b.items.map(([k, v]) => {
        const key = text(k, BOLD, MARGIN, KEY_WIDTH);
        // The label's lines stay on the page where its value starts; a short pair never splits,
        // and a long value carried over says "(continued)" where its label would be.
        const continued = (from: number, y: number) => { if (from > 0) drawLine(flow.doc, "(continued)", MARGIN, y, CONTINUED); };
        return flow.columns([key, text(v || "—", BODY, MARGIN + VALUE_X, flow.width - VALUE_X)], { keepWhole: true, minFirst: key.lines.length, before: continued });
      });
      return {
        first: units[0] ? Flow.firstPart(units[0]) : 0,
        place: () => {
          units.forEach((u, i) => { if (i > 0) flow.gap(2); flow.place(u); });
          flow.gap(bodyLine * 0.5);
        },
      };
    }
    case "table":
      return prepareTable(flow, b);
  }
}

function prepareTable(flow: Flow, t: Extract<PdfBlock, { kind: "table" }>): Prepared {
  const doc = flow.doc;
  const n = t.headers.length;
  const widths = t.widths ?? Array.from({ length: n }, () => flow.width / n);
  const total = widths.reduce((a, w) => a + w, 0);
  const row = (cells: string[], font: Font, header: boolean) => {
    let x = MARGIN;
    const cols = widths.map((w, i) => {
      const c: Column = { x: x + CELL_PAD, lines: wrapText(doc, cells[i] || "—", font, w - CELL_PAD * 2), font };
      x += w;
      return c;
    });
    const background = (_from: number, y: number, h: number) => {
      if (header) doc.rect(MARGIN, y, total, h).fill("#eef0f4");
      doc.moveTo(MARGIN, y + h).lineTo(MARGIN + total, y + h).strokeColor("#d0d4dc").lineWidth(0.5).stroke();
    };
    return flow.columns(cols, { pad: CELL_PAD, keepWhole: true, before: background });
  };
  const header = row(t.headers, HEADER_CELL, true);
  const rows = t.rows.map((r) => row(r, CELL, false));
  const first = Flow.firstPart(header) + (rows[0] ? Flow.firstPart(rows[0]) : 0);
  return {
    first,
    place: () => {
      // The header goes with the first row, and is repeated on every page the table continues on.
      flow.keep(first);
      flow.place(header);
      flow.onBreak = () => flow.place(header);
      rows.forEach((r) => flow.place(r));
      flow.onBreak = null;
      flow.gap(lineHeight(doc, BODY) * 0.8);
    },
  };
}

/**
 * "Page i of N" on every page, written once all pages exist. Each footer is drawn on its own
 * page (switchToPage) in the bottom margin, line by line without a width: with a width pdfkit
 * would run its line wrapper, which adds a new page for text below the bottom margin.
 */
function drawFooters(doc: PDFKit.PDFDocument, footer: string | undefined) {
  const range = doc.bufferedPageRange();
  const width = doc.page.width - MARGIN * 2;
  const lh = lineHeight(doc, FOOTER);
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const page = `Page ${i + 1} of ${range.count}`;
    const oneLine = footer ? `${footer} · ${page}` : page;
    const lines = wrapText(doc, oneLine, FOOTER, width).length === 1 ? [oneLine] : [...wrapText(doc, footer ?? "", FOOTER, width), page];
    lines.forEach((l, j) => {
      const x = MARGIN + (width - doc.font(FOOTER.name).fontSize(FOOTER.size).widthOfString(l)) / 2;
      drawLine(doc, l, x, doc.page.height - MARGIN + 15 + j * lh, FOOTER);
    });
  }
  doc.fillColor("black");
}
