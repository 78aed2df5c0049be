import { log } from "@/lib/server/log";
import { consentReceiptSpec } from "@/lib/consent/receipt";
import { renderPdf } from "@/lib/export/pdf";
import { ERROR_STATUS, isAppError } from "@/lib/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { buildSubjectProof } from "@/lib/server/consent/subjects";

// The proof export for one subject: JSON, or a PDF consent receipt. Signed-in officers only;
// the export is audited inside buildSubjectProof.
export async function GET(req: Request, { params }: { params: Promise<{ ref: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to continue.", { status: 401 });
  const format = new URL(req.url).searchParams.get("format") === "pdf" ? "pdf" : "json";
  const { ref } = await params;
  try {
    const proof = await buildSubjectProof(actor, ref, format);
    const name = `consent-proof-${ref.slice(0, 8)}-${proof.generatedAt.slice(0, 10)}`;
    const headers = { "Cache-Control": "no-store", "Content-Disposition": `attachment; filename="${name}.${format}"` };
    if (format === "json") return new Response(JSON.stringify(proof, null, 2), { headers: { ...headers, "Content-Type": "application/json" } });
    const pdf = await renderPdf(consentReceiptSpec(proof));
    return new Response(new Uint8Array(pdf), { headers: { ...headers, "Content-Type": "application/pdf" } });
  } catch (e) {
    if (isAppError(e)) return new Response(e.message, { status: ERROR_STATUS[e.code] });
    log().error({ err: e }, "consent proof export failed");
    return new Response("Something went wrong on our side.", { status: 500 });
  }
}
