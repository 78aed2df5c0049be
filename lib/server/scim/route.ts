import "server-only";
// Security-sensitive: the one wrapper for /scim/v2/** handlers. Bearer token first
// (deny by default), bodies through the shared JSON reader, every error in the SCIM shape
// (RFC 7644 §3.12) with application/scim+json.
import { readJson } from "@/lib/api/read-json";
import { env } from "@/lib/env";
import { ERROR_STATUS, isAppError } from "@/lib/errors";
import { SCIM_CONTENT_TYPE, ScimError, scimErrorBody, type ScimType } from "@/lib/scim/protocol";
import type { Actor } from "@/lib/server/actor";
import { authenticateScim } from "@/lib/server/scim/auth";

type Ctx<P> = { params: Promise<P> };
export type ScimContext<P> = { actor: Actor; params: P; base: string; url: URL; body: () => Promise<unknown> };
type Handler<P> = (req: Request, ctx: ScimContext<P>) => Promise<{ status: number; body?: unknown }>;

export function scimJson(status: number, body?: unknown): Response {
  if (body === undefined) return new Response(null, { status });
  return new Response(JSON.stringify(body), { status, headers: { "content-type": SCIM_CONTENT_TYPE, "cache-control": "no-store" } });
}

function toScimError(e: unknown): ScimError {
  if (e instanceof ScimError) return e;
  if (isAppError(e)) {
    const status = ERROR_STATUS[e.code] === 422 ? 400 : ERROR_STATUS[e.code];
    const scimType: ScimType | undefined = e.code === "VALIDATION" ? "invalidValue" : e.code === "BAD_REQUEST" ? "invalidSyntax" : e.code === "CONFLICT" ? "mutability" : undefined;
    return new ScimError(status, e.message, scimType);
  }
  console.error("unhandled SCIM error", e);
  return new ScimError(500, "The request failed on the server.");
}

export function scimRoute<P = Record<string, string>>(handler: Handler<P>) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      const actor = await authenticateScim(req);
      const url = new URL(req.url);
      const base = (env().NEXTAUTH_URL ?? url.origin).replace(/\/$/, "");
      const params = ctx?.params ? await ctx.params : ({} as P);
      const res = await handler(req, { actor, params, base, url, body: () => readJson(req, 1_000_000) });
      return scimJson(res.status, res.body);
    } catch (e) {
      const err = toScimError(e);
      const res = scimJson(err.status, scimErrorBody(err));
      if (err.status === 401) res.headers.set("www-authenticate", 'Bearer realm="scim"');
      return res;
    }
  };
}
