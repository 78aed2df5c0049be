import "server-only";
// Shared by the inventory route handlers: JSON body parsing and idempotent creates.
import { readJson } from "@/lib/server/api/read-json";
import type { ApiKeyActor } from "@/lib/server/api/with-api-key";
import { withIdempotency, type Transact } from "@/lib/server/api/idempotency";

export const jsonBody = readJson;

export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}

/**
 * POST with Idempotency-Key: a retry returns the first response; the key is scoped to the API
 * key. `create` opens its transaction through `transact`, which claims the key inside it.
 */
export async function idempotentCreate(req: Request, actor: ApiKeyActor, resource: string, create: (body: unknown, transact: Transact) => Promise<unknown>) {
  const body = await jsonBody(req);
  const res = await withIdempotency(`${resource}:${actor.keyId}`, req.headers.get("idempotency-key"), body, (transact) => create(body, transact), (dto) => ({ status: 201, body: dto }));
  return Response.json(res.body, { status: res.status, headers: res.replayed ? { "Idempotent-Replayed": "true" } : {} });
}
