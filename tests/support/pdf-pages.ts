// Reads back what pdfkit drew, page by page, in page order: each text run with its position
// and size. Enough for pdfkit's own output (standard fonts, WinAnsi hex strings, FlateDecode
// content streams); not a general PDF parser.
import { inflateSync } from "node:zlib";

/** top: the baseline's distance from the top of the page; font: the base font name ("Helvetica-Bold"). */
export type PdfRun = { x: number; top: number; size: number; font: string; text: string };
export type PdfPage = { width: number; height: number; runs: PdfRun[] };

function objects(s: string): Map<number, { dict: string; stream?: Buffer }> {
  const out = new Map<number, { dict: string; stream?: Buffer }>();
  const re = /(\d+) 0 obj\r?\n/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    const streamAt = s.indexOf("stream\n", start);
    const end = s.indexOf("endobj", start);
    if (streamAt !== -1 && streamAt < end) {
      const dict = s.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const raw = Buffer.from(s.slice(streamAt + 7, streamAt + 7 + length), "latin1");
      out.set(Number(m[1]), { dict, stream: /FlateDecode/.test(dict) ? inflateSync(raw) : raw });
      re.lastIndex = s.indexOf("endobj", streamAt + 7 + length);
    } else {
      out.set(Number(m[1]), { dict: s.slice(start, end) });
    }
  }
  return out;
}

const refs = (list: string) => [...list.matchAll(/(\d+) 0 R/g)].map((r) => Number(r[1]));

export function pdfPages(pdf: Buffer): PdfPage[] {
  const objs = objects(pdf.toString("latin1"));
  const kids = (id: number): number[] => {
    const o = objs.get(id)!;
    if (/\/Type \/Pages\b/.test(o.dict)) return refs(/\/Kids \[([^\]]*)\]/.exec(o.dict)![1]!).flatMap(kids);
    return [id];
  };
  const root = refs(/\/Root (\d+ 0 R)/.exec(pdf.toString("latin1").slice(pdf.lastIndexOf("trailer")))![1]!)[0]!;
  const pagesId = refs(/\/Pages (\d+ 0 R)/.exec(objs.get(root)!.dict)![1]!)[0]!;
  return kids(pagesId).map((id) => {
    const dict = objs.get(id)!.dict;
    const [width, height] = /\/MediaBox \[[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)\]/.exec(dict)!.slice(1).map(Number) as [number, number];
    const contents = /\/Contents (\[[^\]]*\]|\d+ 0 R)/.exec(dict)![1]!;
    const body = refs(contents).map((r) => objs.get(r)!.stream!.toString("latin1")).join("\n");
    const resources = objs.get(refs(/\/Resources (\d+ 0 R)/.exec(dict)![1]!)[0]!)!.dict;
    const fontDict = /\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? "";
    const fonts = new Map([...fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)].map((f) => [f[1]!, /\/BaseFont \/([\w-]+)/.exec(objs.get(Number(f[2]))!.dict)![1]!]));
    const runs: PdfRun[] = [];
    // pdfkit writes each line as: BT, "1 0 0 1 x y Tm", "/Fn size Tf", "[<hex> kern <hex> ...] TJ", ET.
    for (const bt of body.matchAll(/BT\s+1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm\s+\/(\w+) ([\d.]+) Tf\s+([\s\S]*?)ET/g)) {
      const text = [...bt[5]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, "hex").toString("latin1")).join("");
      runs.push({ x: Number(bt[1]), top: height - Number(bt[2]), size: Number(bt[4]), font: fonts.get(bt[3]!) ?? bt[3]!, text });
    }
    return { width, height, runs };
  });
}

/** All text of a PDF, one run per line, in page order. */
export function pdfText(pdf: Buffer): string {
  return pdfPages(pdf).flatMap((p) => p.runs.map((r) => r.text)).join("\n");
}
