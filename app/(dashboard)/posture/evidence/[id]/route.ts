// Security-sensitive: serves stored evidence as an attachment (never rendered inline, so
// an uploaded file cannot run in the app's origin); the download is audited in lib/server.
import { errorResponse } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { DOWNLOAD_CSP } from "@/lib/security/download-csp";
import { currentActor } from "@/lib/server/auth/current-actor";
import { downloadEvidence } from "@/lib/server/posture/evidence";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const { id } = await ctx.params;
    const f = await downloadEvidence(actor, id);
    const ascii = f.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
    return new Response(Buffer.from(f.bytes), {
      headers: {
        "Content-Type": f.contentType,
        "Content-Length": String(f.size),
        "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.name)}`,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": DOWNLOAD_CSP,
        "Digest": `sha-256=${Buffer.from(f.sha256, "hex").toString("base64")}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
