// The signed-in download of an event's inclusion proof (the same document as
// GET /api/v1/audit/events/{seq}/proof), to check offline with scripts/verify-audit-proof.mjs.
import { errorResponse } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { eventProof } from "@/lib/server/audit/proofs";
import { currentActor } from "@/lib/server/auth/current-actor";

export async function GET(_req: Request, ctx: { params: Promise<{ seq: string }> }) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const { seq } = await ctx.params;
    if (!/^[1-9]\d{0,15}$/.test(seq)) throw new AppError("VALIDATION", "seq must be a positive integer.");
    const proof = await eventProof(actor, Number(seq));
    return new Response(JSON.stringify(proof, null, 2) + "\n", {
      headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="audit-event-${seq}-proof.json"`, "Cache-Control": "no-store" },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
