// What a properly laid out export looks like, checked on the PDF itself (docs/decisions/023):
// every page has body text, the footer says "Page i of N" with N the real page count, pages
// are filled before the next one starts, headings and labels are never left alone at the
// bottom of a page, and no text runs past the margins.
import PDFDocument from "pdfkit";
import { pdfPages, type PdfPage, type PdfRun } from "./pdf-pages";

const MARGIN = 50;
/** The most a page but the last may leave empty at its bottom: a heading, its gap and a six-line pair moved on whole. */
const MAX_BOTTOM_GAP = 160;
const measure = new PDFDocument({ autoFirstPage: false });
const widthOf = (r: PdfRun) => measure.font(r.font).fontSize(r.size).widthOfString(r.text);

const isFooter = (p: PdfPage, r: PdfRun) => r.top > p.height - MARGIN;
const isHeading = (r: PdfRun) => r.font === "Helvetica-Bold" && r.size >= 13;
/** A key/value label: bold body size, in the left column. */
const isLabel = (r: PdfRun) => r.font === "Helvetica-Bold" && r.size === 10 && Math.abs(r.x - MARGIN) < 0.5;

export type PdfLayout = { pages: number; problems: string[] };

export function checkPdfLayout(pdf: Buffer, name = "PDF"): PdfLayout {
  const pages = pdfPages(pdf);
  const n = pages.length;
  const problems: string[] = [];
  const say = (i: number, what: string) => problems.push(`${name} page ${i + 1} of ${n}: ${what}`);
  pages.forEach((p, i) => {
    const body = p.runs.filter((r) => !isFooter(p, r) && r.text.trim());
    const footer = p.runs.filter((r) => isFooter(p, r)).map((r) => r.text).join(" ");
    if (!footer.includes(`Page ${i + 1} of ${n}`)) say(i, `footer is "${footer}", not "Page ${i + 1} of ${n}"`);
    if (body.length === 0) return say(i, "blank but for the footer");
    const last = body.reduce((a, r) => (r.top > a.top ? r : a));
    if (i < n - 1 && p.height - MARGIN - last.top > MAX_BOTTOM_GAP) say(i, `ends ${Math.round(p.height - MARGIN - last.top)} pt above the bottom margin ("${last.text}") though more follows`);
    if (isHeading(last)) say(i, `ends with the heading "${last.text}"`);
    for (const r of body) {
      if (r.x < MARGIN - 0.5 || r.x + widthOf(r) > p.width - MARGIN + 0.5) say(i, `"${r.text}" runs past the side margin`);
      if (r.top < MARGIN) say(i, `"${r.text}" is in the top margin`);
    }
    for (const label of body.filter(isLabel)) {
      const value = body.some((r) => r.x > MARGIN + 100 && Math.abs(r.top - label.top) < 40);
      if (!value) say(i, `label "${label.text}" has no value beside it`);
    }
  });
  return { pages: n, problems };
}
