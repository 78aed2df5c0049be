import "server-only";
// Idempotency-Key support for POST endpoints (clients retry on timeouts; a retry must
// not write twice). The key is scoped to its caller, so one client cannot read another's
// stored response by guessing keys.
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db";

export function requestHash(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body ?? null)).digest("hex");
}

export type StoredResponse = { status: number; body: unknown };

/**
 * Runs `fn` once per (scope, key). A repeat with the same body returns the stored
 * response; a different body is a 409. `fn` returns the response to store; only
 * 2xx responses are stored, so a failed attempt can be retried with the same key.
 * Concurrent first attempts race on the unique (scope, key): the loser gets 409.
 */
export async function withIdempotency(
  scope: string,
  key: string | null,
  body: unknown,
  fn: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  if (!key) return { ...(await fn()), replayed: false };
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw new AppError("VALIDATION", "Idempotency-Key must be 1-200 printable ASCII characters.");
  const hash = requestHash(body);
  const existing = await db().idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
  if (existing) {
    if (existing.requestHash !== hash) {
      throw new AppError("CONFLICT", "This Idempotency-Key was already used with a different request body.");
    }
    return { status: existing.status, body: JSON.parse(existing.responseBody), replayed: true };
  }
  const res = await fn();
  if (res.status >= 200 && res.status < 300) {
    try {
      await db().idempotencyRecord.create({ data: { scope, key, requestHash: hash, status: res.status, responseBody: JSON.stringify(res.body) } });
    } catch {
      throw new AppError("CONFLICT", "A request with this Idempotency-Key is already being processed.");
    }
  }
  return { ...res, replayed: false };
}
