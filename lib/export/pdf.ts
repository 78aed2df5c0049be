// A small document model rendered to PDF with pdfkit: headings, paragraphs, key/value
// lists and tables that break across pages. Reports (Art. 30 record, breach report,
// consent receipt) describe *what* to print; this file decides how it looks.
import PDFDocument from "pdfkit";

export type PdfBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "keyValues"; items: [string, string][] }
  | { kind: "table"; headers: string[]; rows: string[][]; widths?: number[] }
  | { kind: "bullets"; items: string[] };

export type PdfDocumentSpec = { title: string; subtitle?: string; footer?: string; blocks: PdfBlock[] };

const MARGIN = 50;

export function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: MARGIN, bufferPages: true, info: { Title: spec.title, Creator: "Compliance & Oversight Dashboard" } });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    const width = doc.page.width - MARGIN * 2;

    doc.font("Helvetica-Bold").fontSize(18).text(spec.title, { width });
    if (spec.subtitle) doc.moveDown(0.2).font("Helvetica").fontSize(10).fillColor("#555").text(spec.subtitle, { width }).fillColor("black");
    doc.moveDown(1);

    for (const b of spec.blocks) {
      switch (b.kind) {
        case "heading":
          if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
          doc.moveDown(0.5).font("Helvetica-Bold").fontSize(13).text(b.text, { width }).moveDown(0.3);
          break;
        case "paragraph":
          doc.font("Helvetica").fontSize(10).text(b.text, { width }).moveDown(0.5);
          break;
        case "bullets":
          doc.font("Helvetica").fontSize(10);
          for (const item of b.items) doc.text(`•  ${item}`, { width, indent: 0 });
          doc.moveDown(0.5);
          break;
        case "keyValues":
          for (const [k, v] of b.items) {
            const y = doc.y;
            doc.font("Helvetica-Bold").fontSize(10).text(k, MARGIN, y, { width: 170 });
            const afterKey = doc.y;
            doc.font("Helvetica").text(v || "—", MARGIN + 180, y, { width: width - 180 });
            doc.y = Math.max(afterKey, doc.y);
            doc.x = MARGIN;
          }
          doc.moveDown(0.5);
          break;
        case "table":
          drawTable(doc, b, width);
          break;
      }
    }

    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const text = `${spec.footer ? `${spec.footer} · ` : ""}Page ${i + 1} of ${range.count}`;
      doc.font("Helvetica").fontSize(8).fillColor("#777").text(text, MARGIN, doc.page.height - MARGIN + 15, { width, align: "center", lineBreak: false }).fillColor("black");
    }
    doc.end();
  });
}

function drawTable(doc: PDFKit.PDFDocument, t: Extract<PdfBlock, { kind: "table" }>, width: number) {
  const n = t.headers.length;
  const widths = t.widths ?? Array.from({ length: n }, () => width / n);
  const pad = 3;
  const rowHeight = (cells: string[], bold: boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8.5);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || "—", { width: widths[i]! - pad * 2 }))) + pad * 2;
  };
  const drawRow = (cells: string[], bold: boolean) => {
    const h = rowHeight(cells, bold);
    if (doc.y + h > doc.page.height - MARGIN - 20) {
      doc.addPage();
      if (!bold) drawRow(t.headers, true);
    }
    const y = doc.y;
    let x = MARGIN;
    if (bold) doc.rect(MARGIN, y, width, h).fill("#eef0f4").fillColor("black");
    for (let i = 0; i < n; i++) {
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8.5).text(cells[i] || "—", x + pad, y + pad, { width: widths[i]! - pad * 2 });
      x += widths[i]!;
    }
    doc.moveTo(MARGIN, y + h).lineTo(MARGIN + width, y + h).strokeColor("#d0d4dc").lineWidth(0.5).stroke();
    doc.y = y + h;
    doc.x = MARGIN;
  };
  drawRow(t.headers, true);
  for (const r of t.rows) drawRow(r, false);
  doc.moveDown(0.8);
}
