import { isAppError } from "@/lib/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { exportInventory } from "@/lib/server/inventory/export";

// Downloads for signed-in people (the machine API has its own routes). The export
// function checks the permission and audits the export.
export async function GET(req: Request, { params }: { params: Promise<{ format: string }> }) {
  const actor = await currentActor();
  if (!actor || actor.mfaEnrolmentRequired) return new Response("Sign in to continue.", { status: 401 });
  const { format } = await params;
  const activityId = new URL(req.url).searchParams.get("activity") ?? undefined;
  try {
    const file = await exportInventory(actor, format, { activityId });
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (isAppError(e)) return new Response(e.message, { status: e.code === "FORBIDDEN" ? 403 : e.code === "NOT_FOUND" ? 404 : 400 });
    throw e;
  }
}
