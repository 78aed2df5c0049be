import "server-only";
// Turns an operation declared in lib/api/operations/<area>.ts into a Next.js route handler:
// authentication and scopes, the per-key rate limit, the body read under the declared cap
// (413 before it is buffered whole), zod validation of the body and query against the
// declared schemas (422 naming the field), the Idempotency-Key scope, and error mapping.
// The OpenAPI document is built from the same declarations, so the two cannot drift; under
// tests every response is also checked against the declared one (response-contract.ts).
import type { z } from "zod";
import type { Operation } from "@/lib/api/openapi";
import { OPERATIONS } from "@/lib/api/operations/registry";
import { DEFAULT_BODY_LIMIT, readJson } from "@/lib/api/read-json";
import { errorResponse } from "@/lib/api/respond";
import { AppError, zodDetails } from "@/lib/errors";
import type { Scope } from "@/lib/auth/permissions";
import { withApiKey, type ApiKeyActor } from "@/lib/server/api/with-api-key";
import { withIdempotency, type StoredResponse, type Transact } from "@/lib/server/api/idempotency";
import { checkResponseContract, contractChecksOn } from "@/lib/server/api/response-contract";

/** Marks a handler made here, so the route-declaration test can tell it from a hand-written one. */
export const DECLARED = Symbol.for("oversight.api.declared-operation");

export type Idempotency = { readonly scope: string; readonly key: string | null };

export type RouteContext<P> = {
  readonly req: Request;
  readonly params: P;
  /** The JSON body, already size-capped, safety-checked and validated against `op.body` (raw form). */
  readonly body: unknown;
  /** The query, parsed by `op.query` (empty object when none is declared). */
  readonly query: Record<string, unknown>;
  /** Present for `idempotent` operations: the caller-scoped key store scope and the header value. */
  readonly idempotency: Idempotency;
};

type NextCtx<P> = { params: Promise<P> };
type Declared<P> = ((req: Request, ctx: NextCtx<P>) => Promise<Response>) & { [DECLARED]: Operation };

/** The declaration of `method path`; a route without one fails when its module loads. */
export function declared(method: Operation["method"], path: string): Operation {
  const op = OPERATIONS.find((o) => o.method === method && o.path === path);
  if (!op) throw new Error(`No operation is declared for ${method.toUpperCase()} ${path}: add it to lib/api/operations/.`);
  return op;
}

function parseWith(schema: z.ZodType, value: unknown, where: string): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = zodDetails(parsed.error.issues);
  const first = details[0];
  throw new AppError("VALIDATION", first ? `${where}: ${first.path || "(root)"} ${first.message}` : `${where} is invalid.`, details);
}

async function prepare<P>(op: Operation, req: Request, params: P, keyId: string | null): Promise<RouteContext<P>> {
  const body = op.body ? await readJson(req, op.bodyLimit ?? DEFAULT_BODY_LIMIT) : undefined;
  if (op.body && op.bodyValidatedBy !== "handler") parseWith(op.body, body, "Request body");
  const query = op.query ? (parseWith(op.query, Object.fromEntries(new URL(req.url).searchParams), "Query") as Record<string, unknown>) : {};
  // Scoped to the caller and the concrete path, so one key cannot replay another's answer.
  const idempotency = { scope: `${keyId ?? "public"}:${op.method.toUpperCase()} ${new URL(req.url).pathname}`, key: op.idempotent ? req.headers.get("idempotency-key") : null };
  return { req, params, body, query, idempotency };
}

async function finish(op: Operation, res: Response): Promise<Response> {
  return contractChecksOn() ? checkResponseContract(op, res) : res;
}

function mark<P>(op: Operation, fn: (req: Request, ctx: NextCtx<P>) => Promise<Response>): Declared<P> {
  return Object.assign(fn, { [DECLARED]: op });
}

/** An authenticated operation: the handler gets the API key's actor. */
export function apiRoute<P = Record<string, string>>(op: Operation, handler: (ctx: RouteContext<P> & { actor: ApiKeyActor }) => Promise<Response>): Declared<P> {
  if (op.scopes.length === 0) throw new Error(`${op.method.toUpperCase()} ${op.path} declares no scopes: use publicApiRoute.`);
  const inner = withApiKey<P>(
    async (req, { actor, params }) => finish(op, await handler({ ...(await prepare(op, req, params, actor.keyId)), actor })),
    { scopes: op.scopes as Scope[], rateLimit: op.rateLimit ?? "standard" },
  );
  return mark(op, inner);
}

/** An operation anyone may call (health, the OpenAPI document, the audit public key). */
export function publicApiRoute<P = Record<string, string>>(op: Operation, handler: (ctx: RouteContext<P>) => Promise<Response>): Declared<P> {
  if (op.scopes.length > 0) throw new Error(`${op.method.toUpperCase()} ${op.path} declares scopes: use apiRoute.`);
  return mark(op, async (req: Request, ctx: NextCtx<P>) => {
    try {
      const res = await handler(await prepare(op, req, await ctx?.params, null));
      return await finish(op, res);
    } catch (e) {
      return errorResponse(e, { "Cache-Control": "no-store" });
    }
  });
}

/** JSON answer of an idempotent write, with the replay marker clients look for. */
export function idempotentJson(res: { status: number; body: unknown; replayed: boolean }): Response {
  return Response.json(res.body, { status: res.status, headers: res.replayed ? { "Idempotent-Replayed": "true" } : {} });
}

/**
 * Runs a declared idempotent write: the key is claimed inside the write's own transaction
 * (lib/server/api/idempotency.ts) and the stored answer replayed to a retry.
 */
export async function idempotentWrite<T>(ctx: RouteContext<unknown>, write: (transact: Transact) => Promise<T>, respond: (result: T) => StoredResponse): Promise<Response> {
  return idempotentJson(await withIdempotency(ctx.idempotency.scope, ctx.idempotency.key, ctx.body, write, respond));
}
