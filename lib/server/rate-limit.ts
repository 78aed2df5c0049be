import "server-only";
// Fixed-window counters in the database, so every app instance sees the same count.
import { db } from "@/lib/server/db";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

export async function hitRateLimit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000);
  const row = await db().$transaction(async (tx) => {
    const existing = await tx.rateLimitBucket.findUnique({ where: { key } });
    if (!existing || existing.windowStart.getTime() !== windowStart.getTime()) {
      return tx.rateLimitBucket.upsert({
        where: { key },
        create: { key, windowStart, count: 1 },
        update: { windowStart, count: 1 },
      });
    }
    return tx.rateLimitBucket.update({ where: { key }, data: { count: { increment: 1 } } });
  });
  return { allowed: row.count <= limit, remaining: Math.max(0, limit - row.count), retryAfterSeconds };
}

export async function clearRateLimit(key: string) {
  await db().rateLimitBucket.deleteMany({ where: { key } });
}

/** Reads a counter without counting this request (e.g. to refuse before checking a password). */
export async function peekRateLimit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000);
  const row = await db().rateLimitBucket.findUnique({ where: { key } });
  const count = row && row.windowStart.getTime() === windowStart.getTime() ? row.count : 0;
  return { allowed: count < limit, remaining: Math.max(0, limit - count), retryAfterSeconds };
}
