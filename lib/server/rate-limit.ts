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

/**
 * Exponential backoff per key (e.g. per account): `count` is the run of failures and
 * `windowStart` the time of the last one. The first `free` failures cost nothing; then each
 * one makes the next attempt wait base·2^k seconds, up to `max`. A run older than `resetAfter`
 * seconds is forgotten. Unlike a lock, the wait is short and the same for every key, so it
 * slows guessing without letting a stranger shut an account for long.
 */
export type BackoffSchedule = { free: number; baseSeconds: number; maxSeconds: number; resetAfterSeconds: number };

export function backoffSeconds(failures: number, s: BackoffSchedule): number {
  return failures < s.free ? 0 : Math.min(s.maxSeconds, s.baseSeconds * 2 ** (failures - s.free));
}

/** Seconds until the key may try again (0: now). */
export async function peekBackoff(key: string, s: BackoffSchedule, now = new Date()): Promise<number> {
  const row = await db().rateLimitBucket.findUnique({ where: { key } });
  if (!row) return 0;
  const since = now.getTime() - row.windowStart.getTime();
  if (since > s.resetAfterSeconds * 1000) return 0;
  return Math.max(0, Math.ceil((backoffSeconds(row.count, s) * 1000 - since) / 1000));
}

export async function hitBackoff(key: string, s: BackoffSchedule, now = new Date()) {
  await db().$transaction(async (tx) => {
    const row = await tx.rateLimitBucket.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.windowStart.getTime() > s.resetAfterSeconds * 1000;
    await tx.rateLimitBucket.upsert({ where: { key }, create: { key, windowStart: now, count: 1 }, update: fresh ? { windowStart: now, count: 1 } : { windowStart: now, count: { increment: 1 } } });
  });
}
