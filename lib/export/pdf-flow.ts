// The page flow under lib/export/pdf.ts: wraps text into lines itself and decides every page
// break itself (docs/decisions/023-pdf-layout.md). pdfkit's own line wrapper is never used: it
// adds a page whenever a line passes the bottom margin, so a value drawn beside its label at
// the old y, or a footer drawn in the margin, used to open pages nobody asked for.

export const MARGIN = 50;
/** Fewest lines of a split unit left at the bottom of a page or carried to the next (no orphans, no widows). */
const MIN_SPLIT_LINES = 2;

export type Font = { name: "Helvetica" | "Helvetica-Bold"; size: number; color?: string };
export type Column = { x: number; lines: string[]; font: Font };

/** Splits text into lines no wider than `width`: at spaces, and between characters for a word wider than the line (a hash, a URL), so nothing overflows its column. */
export function wrapText(doc: PDFKit.PDFDocument, text: string, font: Font, width: number): string[] {
  doc.font(font.name).fontSize(font.size);
  const fits = (s: string) => doc.widthOfString(s) <= width;
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      let rest = word;
      while (!fits(rest)) {
        let n = 1;
        while (n < rest.length && fits(rest.slice(0, n + 1))) n++;
        // Rather after a hyphen or slash (a control id, a URL) than in the middle of a part.
        const soft = Math.max(rest.lastIndexOf("-", n - 1), rest.lastIndexOf("/", n - 1)) + 1;
        if (soft > 1) n = soft;
        out.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

export function lineHeight(doc: PDFKit.PDFDocument, font: Font): number {
  return doc.font(font.name).fontSize(font.size).currentLineHeight(true);
}

/** Draws one line at (x, y) without a width, so pdfkit neither wraps it nor adds a page for it. */
export function drawLine(doc: PDFKit.PDFDocument, text: string, x: number, y: number, font: Font) {
  doc.font(font.name).fontSize(font.size).fillColor(font.color ?? "black").text(text, x, y, { lineBreak: false });
}

/** A unit of lines laid out together: a paragraph, a bullet, a label with its value, a table row. */
export type Unit = {
  lines: number;
  lineHeight: number;
  /** Space above and below the lines inside the unit (a table cell's padding). */
  pad?: number;
  /** Lines that must be on the unit's first page: a label's own lines, or every line of a short unit. */
  minFirst: number;
  /** Draws lines [from, from + count) with their top at y. */
  draw: (from: number, count: number, y: number) => void;
};

/** A unit up to this many lines is never split: it moves to the next page whole. */
export const KEEP_WHOLE_LINES = 6;

export class Flow {
  y = MARGIN;
  readonly width: number;
  readonly bottom: number;
  /** Called after a page break the flow makes, before anything else goes on the new page (a table repeats its header). */
  onBreak: (() => void) | null = null;
  private pageStart = MARGIN;

  constructor(readonly doc: PDFKit.PDFDocument) {
    this.width = doc.page.width - MARGIN * 2;
    this.bottom = doc.page.height - MARGIN;
  }

  room(): number {
    return this.bottom - this.y;
  }

  /** True while nothing but a repeated table header is on this page: breaking again would gain nothing. */
  atPageStart(): boolean {
    return this.y <= this.pageStart;
  }

  newPage() {
    this.doc.addPage();
    this.y = MARGIN;
    this.onBreak?.();
    this.pageStart = this.y;
  }

  /** Moves to a new page unless `height` points fit here; a heading calls it with its own height plus what must follow it. */
  keep(height: number) {
    if (height > this.room() && !this.atPageStart()) this.newPage();
  }

  /** Vertical space between blocks; none at the top of a page, where it would only push content down. */
  gap(height: number) {
    if (!this.atPageStart()) this.y += height;
  }

  /** Lays a unit out, splitting it across pages only between lines, with at least MIN_SPLIT_LINES on each side of a split. */
  place(u: Unit) {
    const pad = u.pad ?? 0;
    let from = 0;
    while (from < u.lines) {
      const left = u.lines - from;
      const fit = Math.floor((this.room() - 2 * pad + 0.001) / u.lineHeight);
      let take = left <= fit ? left : Math.min(fit, left - MIN_SPLIT_LINES);
      const needed = Math.min(left, from === 0 ? Math.max(u.minFirst, MIN_SPLIT_LINES) : MIN_SPLIT_LINES);
      if (take < needed) {
        if (!this.atPageStart()) {
          this.newPage();
          continue;
        }
        take = Math.max(1, Math.min(fit, left)); // taller than a page: fill it
      }
      u.draw(from, take, this.y);
      this.y += take * u.lineHeight + 2 * pad;
      from += take;
      if (from < u.lines) this.newPage();
    }
  }

  /** Height of what a unit must put on its first page, for a heading to keep it company. */
  static firstPart(u: Pick<Unit, "lines" | "lineHeight" | "pad" | "minFirst">): number {
    return Math.min(u.lines, Math.max(u.minFirst, MIN_SPLIT_LINES)) * u.lineHeight + 2 * (u.pad ?? 0);
  }

  /** Columns side by side as one unit (label and value; table cells): line i of every column shares a baseline. `before` draws under each part (a background, a rule). */
  columns(cols: Column[], opts: { pad?: number; keepWhole?: boolean; minFirst?: number; before?: (from: number, y: number, height: number) => void } = {}): Unit {
    const lh = Math.max(...cols.map((c) => lineHeight(this.doc, c.font)));
    const lines = Math.max(...cols.map((c) => c.lines.length));
    return {
      lines,
      lineHeight: lh,
      pad: opts.pad,
      minFirst: opts.keepWhole && lines <= KEEP_WHOLE_LINES ? lines : (opts.minFirst ?? MIN_SPLIT_LINES),
      draw: (from, count, y) => {
        opts.before?.(from, y, count * lh + 2 * (opts.pad ?? 0));
        for (const c of cols) {
          c.lines.slice(from, from + count).forEach((l, i) => drawLine(this.doc, l, c.x, y + (opts.pad ?? 0) + i * lh, c.font));
        }
      },
    };
  }
}
