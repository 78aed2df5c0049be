// Streamed CSV: pages of rows in, text chunks out, then bytes for a Response. One chunk per
// page: an enqueue (and a string) per row costs more than the row itself.
import { CSV_BOM, csvLine, type Cell } from "./csv";

/** The BOM before the first page; CRLF after every row, as toCsv writes them. */
export async function* csvChunks(pages: AsyncIterable<readonly (readonly Cell[])[]>): AsyncGenerator<string> {
  let bom = CSV_BOM;
  for await (const page of pages) {
    let chunk = bom;
    bom = "";
    for (const row of page) chunk += csvLine(row as Cell[]) + "\r\n";
    if (chunk) yield chunk;
  }
}

/**
 * A byte stream over `chunks`, starting with `first` (already read by the caller, so that a
 * refusal becomes an error response before any byte is sent). A cancelled download ends the
 * generator, which releases what it holds (a pooled connection).
 */
export function chunkStream(first: IteratorResult<string>, chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(c) {
      if (first.done) c.close();
      else c.enqueue(enc.encode(first.value));
    },
    async pull(c) {
      const next = await chunks.next();
      if (next.done) c.close();
      else c.enqueue(enc.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  }, { highWaterMark: 1 });
}
