import { errorResponse } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { exportRegister } from "@/lib/server/breaches/export-incident";

// The whole breach register (GDPR Art. 33(5)) for signed-in people; permission and audit in lib/server.
export async function GET(_req: Request, ctx: { params: Promise<{ format: string }> }) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const { format } = await ctx.params;
    const file = await exportRegister(actor, format);
    return new Response(new Uint8Array(Buffer.from(file.body)), {
      headers: { "Content-Type": file.contentType, "Content-Disposition": `attachment; filename="${file.filename}"`, "Cache-Control": "no-store" },
    });
  } catch (e) {
    return errorResponse(e, { "Cache-Control": "no-store" });
  }
}
