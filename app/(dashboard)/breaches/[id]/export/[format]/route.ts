import { errorResponse } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { exportIncident } from "@/lib/server/breaches/export-incident";

// Downloads for signed-in people (the page's export buttons); permission and audit in lib/server.
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; format: string }> }) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const { id, format } = await ctx.params;
    const file = await exportIncident(actor, id, format);
    return new Response(new Uint8Array(Buffer.from(file.body)), {
      headers: { "Content-Type": file.contentType, "Content-Disposition": `attachment; filename="${file.filename}"`, "Cache-Control": "no-store" },
    });
  } catch (e) {
    return errorResponse(e, { "Cache-Control": "no-store" });
  }
}
