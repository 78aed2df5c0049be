import "server-only";
// Security-sensitive: the one wrapper for /api/v1/** handlers. Authenticates the bearer
// key, checks the scopes, rate-limits per key and maps typed errors to JSON.
import { isScope, scopeSatisfied, type Scope } from "@/lib/auth/permissions";
import { TokenBuckets } from "@/lib/api/token-bucket";
import { errorResponse } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit/append";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate-api-key";
import { requestLog } from "@/lib/server/log";
import { recordRequest } from "@/lib/server/metrics/metrics";
import { requestIp } from "@/lib/server/request-ip";
import { assertSafeInput, stringProblem } from "@/lib/validation/safe-input";

export type ApiKeyActor = Extract<Actor, { kind: "api_key" }>;
type Ctx<P> = { params: Promise<P> };
type Handler<P> = (req: Request, ctx: { actor: ApiKeyActor; params: P }) => Promise<Response>;

/**
 * Per-key budgets by kind of route, each with its own buckets (high-volume traffic does not
 * spend a key's budget for the rest of the API). "standard": people's scripts and
 * integrations. "highVolume": endpoints that websites and apps call per visitor (consent
 * events and lookups), sized for issue 4's load (500 single-event requests/s, 250 batches/s,
 * 1,000 lookups/s) with headroom; abuse there is bounded by the batch size and validation.
 */
export const RATE_LIMITS = {
  standard: { burst: 120, perSecond: 20 },
  highVolume: { burst: 2_000, perSecond: 1_000 },
} as const;
export type RateLimitClass = keyof typeof RATE_LIMITS;
const buckets = Object.fromEntries(Object.entries(RATE_LIMITS).map(([name, l]) => [name, new TokenBuckets(l.burst, l.perSecond)])) as Record<RateLimitClass, TokenBuckets>;

/** Path segments and query values reach queries too: the same 422 as a body (lib/validation/safe-input.ts). */
function assertSafeRequestText(req: Request, params: unknown) {
  assertSafeInput(params);
  for (const [name, value] of new URL(req.url).searchParams) {
    const problem = stringProblem(name) ?? stringProblem(value);
    if (problem) throw new AppError("VALIDATION", `Query parameter ${name} ${problem}.`, [{ path: name, message: problem }]);
  }
}

export function withApiKey<P = Record<string, string>>(handler: Handler<P>, opts: { scopes: Scope[]; rateLimit?: RateLimitClass }) {
  for (const s of opts.scopes) if (!isScope(s)) throw new Error(`unknown scope ${s}`);
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    // Every /api/v1 route passes here: the one place requests are timed and counted.
    const started = performance.now();
    const res = await handle(req, ctx);
    // Next.js passes no params at all to a route without dynamic segments in a production build.
    const params = await Promise.resolve(ctx?.params).catch(() => ({}));
    recordRequest(req.method, new URL(req.url).pathname, (params ?? {}) as Record<string, unknown>, res.status, (performance.now() - started) / 1000);
    return res;
  };

  async function handle(req: Request, ctx: Ctx<P>): Promise<Response> {
    try {
      const auth = req.headers.get("authorization") ?? "";
      const match = /^Bearer\s+(\S+)$/i.exec(auth);
      if (!match) throw new AppError("UNAUTHENTICATED", "Send an API key as 'Authorization: Bearer <key>'.");
      const actor = (await authenticateApiKey(match[1]!, requestIp(req.headers))) as ApiKeyActor;
      const limit = buckets[opts.rateLimit ?? "standard"].take(actor.keyId);
      if (!limit.ok) {
        return errorResponse(new AppError("RATE_LIMITED", "Too many requests for this API key; slow down."), {
          "Retry-After": String(limit.retryAfterSeconds),
        });
      }
      const missing = opts.scopes.filter((s) => !scopeSatisfied(actor.scopes, s));
      if (missing.length) {
        await recordAudit(actor, { action: "permission.denied", diff: { missingScopes: missing, path: new URL(req.url).pathname } });
        throw new AppError("FORBIDDEN", `This API key lacks the scope${missing.length > 1 ? "s" : ""} ${missing.join(", ")}.`);
      }
      const params = await ctx?.params;
      assertSafeRequestText(req, params);
      const res = await handler(req, { actor, params });
      res.headers.set("Cache-Control", "no-store");
      return res;
    } catch (e) {
      return errorResponse(e, { "Cache-Control": "no-store" }, (err) => requestLog(req).error({ err, method: req.method, path: new URL(req.url).pathname }, "unhandled API error"));
    }
  }
}
