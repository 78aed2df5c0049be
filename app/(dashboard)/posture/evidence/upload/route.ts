import { errorResponse } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { stageEvidenceUpload } from "@/lib/server/posture/evidence-upload";

// One evidence file per request, its body the file itself, streamed under the size cap
// (the review form's progress bar watches this request). Same-origin only (proxy.ts);
// permission, checks and staging in lib/server/posture/evidence-upload.ts.
export async function POST(req: Request) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    return Response.json(await stageEvidenceUpload(actor, req), { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e, { "Cache-Control": "no-store" });
  }
}
