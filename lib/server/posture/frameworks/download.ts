import "server-only";
import { ERROR_STATUS, isAppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { currentActor } from "@/lib/server/auth/current-actor";

/** A signed-in download of a JSON document, errors mapped to their status. */
export async function jsonDownload(filename: string, build: (actor: Actor) => Promise<unknown>): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to continue.", { status: 401 });
  try {
    const doc = await build(actor);
    return new Response(JSON.stringify(doc, null, 2), { headers: { "Content-Type": "application/json", "Cache-Control": "no-store", "Content-Disposition": `attachment; filename="${filename}"` } });
  } catch (e) {
    if (isAppError(e)) return new Response(e.message, { status: ERROR_STATUS[e.code] });
    console.error("OSCAL export failed", e);
    return new Response("Something went wrong on our side.", { status: 500 });
  }
}
