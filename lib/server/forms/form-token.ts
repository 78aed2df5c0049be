import "server-only";
// One-time form tokens: a create form carries a token made when it rendered, and the create
// claims it inside its own transaction through the Idempotency-Key store
// (lib/server/api/idempotency.ts). A double click, a resubmitted form or two tabs posting
// the same form therefore make one record, and every later submit lands on that record
// (docs/decisions/101-records-lifecycle.md). A submit that failed (bad input) leaves no
// claim, so the person fixes the form and submits it again with the same token.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { actorId, actorLabel, type Actor } from "@/lib/server/actor";
import { plainTransaction, withIdempotency, type Transact } from "@/lib/server/api/idempotency";
import { parseSafe } from "@/lib/validation/safe-input";

export function newFormToken(): string {
  return randomUUID();
}

const tokenSchema = z.string().regex(/^[\x21-\x7e]{1,200}$/, "is not a form token");

/**
 * Runs `create` once per (actor, purpose, token) and answers the created record's id; a
 * repeat answers the first one's id without writing. No token (an old page): a plain create.
 */
export async function createOncePerToken(actor: Actor, purpose: string, token: unknown, create: (transact: Transact) => Promise<{ id: string }>): Promise<{ id: string; replayed: boolean }> {
  if (token === null || token === undefined || token === "") return { id: (await create(plainTransaction)).id, replayed: false };
  const key = parseSafe(tokenSchema, token);
  const scope = `form:${actorId(actor) ?? actorLabel(actor)}:${purpose}`;
  // The body hash is the purpose alone: a resubmit with edited values still lands on the
  // record the token already made, instead of failing as "another body".
  const res = await withIdempotency(scope, key, { purpose }, create, (r) => ({ status: 201, body: { id: r.id } }));
  return { id: (res.body as { id: string }).id, replayed: res.replayed };
}
