import { errorResponse } from "@/lib/api/respond";
import { chunkStream, csvChunks } from "@/lib/export/csv-stream";
import { AppError } from "@/lib/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { exportRegister } from "@/lib/server/breaches/export-incident";
import { OBLIGATION_REGISTER_FORMAT, obligationRegisterPages } from "@/lib/server/breaches/obligation-register";

// The whole breach register (GDPR Art. 33(5)) for signed-in people; permission and audit in lib/server.
export async function GET(_req: Request, ctx: { params: Promise<{ format: string }> }) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const { format } = await ctx.params;
    if (format === OBLIGATION_REGISTER_FORMAT) return obligationsCsv(actor);
    const file = await exportRegister(actor, format);
    return new Response(new Uint8Array(Buffer.from(file.body)), {
      headers: { "Content-Type": file.contentType, "Content-Disposition": `attachment; filename="${file.filename}"`, "Cache-Control": "no-store" },
    });
  } catch (e) {
    return errorResponse(e, { "Cache-Control": "no-store" });
  }
}

/** One row per obligation, streamed: the permission check and the audit event come with the first chunk, before the response. */
async function obligationsCsv(actor: NonNullable<Awaited<ReturnType<typeof currentActor>>>) {
  const chunks = csvChunks(obligationRegisterPages(actor));
  const first = await chunks.next();
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(chunkStream(first, chunks), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="breach-obligations-${stamp}.csv"`, "Cache-Control": "no-store" },
  });
}
