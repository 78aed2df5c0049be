import { errorResponse } from "@/lib/api/respond";
import { chunkStream, csvChunks } from "@/lib/export/csv-stream";
import { AppError } from "@/lib/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { auditCsvPages, auditFilterSchema } from "@/lib/server/audit/list-audit";

// The filtered audit log as CSV for signed-in auditors and officers, streamed page by page
// (every matching row); the filters are the page's own. Permission and the export's audit
// event in lib/server.
export async function GET(req: Request) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const raw = Object.fromEntries([...new URL(req.url).searchParams].filter(([, v]) => v !== ""));
    const parsed = auditFilterSchema.omit({ before: true, limit: true }).safeParse(raw);
    if (!parsed.success) throw new AppError("VALIDATION", `Invalid filter: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    const chunks = csvChunks(auditCsvPages(actor, parsed.data));
    const first = await chunks.next(); // permission and the audit event happen before any byte is sent
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(chunkStream(first, chunks), { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="audit-log-${stamp}.csv"`, "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e, { "Cache-Control": "no-store" });
  }
}
