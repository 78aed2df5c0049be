import { ERROR_STATUS, isAppError } from "@/lib/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { statementOfApplicability } from "@/lib/server/posture/frameworks/soa";

const TYPES = { xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", pdf: "application/pdf" } as const;

// Statement of applicability download (signed-in users with posture:read; audited in the server function).
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to continue.", { status: 401 });
  const format = new URL(req.url).searchParams.get("format") === "pdf" ? "pdf" : "xlsx";
  try {
    const { bytes, filename } = await statementOfApplicability(actor, decodeURIComponent((await params).id), format);
    return new Response(new Uint8Array(bytes), { headers: { "Content-Type": TYPES[format], "Cache-Control": "no-store", "Content-Disposition": `attachment; filename="${filename}"` } });
  } catch (e) {
    if (isAppError(e)) return new Response(e.message, { status: ERROR_STATUS[e.code] });
    console.error("statement of applicability export failed", e);
    return new Response("Something went wrong on our side.", { status: 500 });
  }
}
