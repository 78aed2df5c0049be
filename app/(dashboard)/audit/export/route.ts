import { errorResponse } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { CSV_BOM, csvLine } from "@/lib/export/csv";
import { currentActor } from "@/lib/server/auth/current-actor";
import { auditCsvRows, auditFilterSchema } from "@/lib/server/audit/list-audit";

// The filtered audit log as CSV for signed-in auditors and officers, streamed page by page;
// the filters are the page's own. Permission and the export's audit event in lib/server.
export async function GET(req: Request) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const raw = Object.fromEntries([...new URL(req.url).searchParams].filter(([, v]) => v !== ""));
    const parsed = auditFilterSchema.omit({ before: true, limit: true }).safeParse(raw);
    if (!parsed.success) throw new AppError("VALIDATION", `Invalid filter: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    const rows = auditCsvRows(actor, parsed.data);
    const first = await rows.next(); // permission and the audit event happen before any byte is sent
    const enc = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        if (!first.done) c.enqueue(enc.encode(CSV_BOM + csvLine(first.value) + "\r\n"));
      },
      // A chunk of up to 500 rows per pull: one enqueue per row costs more than the rows.
      async pull(c) {
        let chunk = "";
        for (let i = 0; i < 500; i++) {
          const next = await rows.next();
          if (next.done) {
            if (chunk) c.enqueue(enc.encode(chunk));
            c.close();
            return;
          }
          chunk += csvLine(next.value) + "\r\n";
        }
        c.enqueue(enc.encode(chunk));
      },
    });
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="audit-log-${stamp}.csv"`, "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e, { "Cache-Control": "no-store" });
  }
}
