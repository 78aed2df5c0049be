import "server-only";
// Background work that must run on one app instance at a time (deadline reminders, SLA
// escalation, posture snapshots, retention). A row lease in the database decides who
// runs; an in-memory timer only decides when to try.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db";

const INSTANCE = randomUUID();

/**
 * Takes the lease named `name` for `ttlMs` if it is free or expired, runs `fn`, records
 * the result and releases it. Returns null when another instance holds the lease.
 */
export async function runExclusive<T>(name: string, ttlMs: number, fn: () => Promise<T>, now = new Date()): Promise<{ result: T } | null> {
  const until = new Date(now.getTime() + ttlMs);
  // Create the row on first use; a concurrent creator losing the race is fine.
  await db().jobLease.upsert({ where: { name }, create: { name, owner: "", leasedUntil: new Date(0) }, update: {} }).catch(() => undefined);
  const claimed = await db().jobLease.updateMany({ where: { name, leasedUntil: { lt: now } }, data: { owner: INSTANCE, leasedUntil: until } });
  if (claimed.count !== 1) return null;
  try {
    const result = await fn();
    await db().jobLease.updateMany({ where: { name, owner: INSTANCE }, data: { leasedUntil: new Date(0), lastRunAt: new Date(), lastResult: "ok" } });
    return { result };
  } catch (e) {
    await db().jobLease.updateMany({ where: { name, owner: INSTANCE }, data: { leasedUntil: new Date(0), lastRunAt: new Date(), lastResult: `error: ${e instanceof Error ? e.message.slice(0, 200) : "unknown"}` } });
    throw e;
  }
}

/**
 * A standing lease for a role one instance plays continuously (the audit sealer): taken
 * when free or expired, renewed by its holder. True while this instance holds it.
 */
export async function holdLease(name: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const until = new Date(now.getTime() + ttlMs);
  await db().jobLease.upsert({ where: { name }, create: { name, owner: "", leasedUntil: new Date(0) }, update: {} }).catch(() => undefined);
  const r = await db().jobLease.updateMany({
    where: { name, OR: [{ owner: INSTANCE }, { leasedUntil: { lt: now } }] },
    data: { owner: INSTANCE, leasedUntil: until, lastRunAt: now },
  });
  return r.count === 1;
}

export async function releaseLease(name: string) {
  await db().jobLease.updateMany({ where: { name, owner: INSTANCE }, data: { leasedUntil: new Date(0), lastResult: "released" } });
}

/** Whether any instance holds the lease now (what the verifier asks of the sealer). */
export async function leaseHeld(name: string, now = new Date()): Promise<boolean> {
  const row = await db().jobLease.findUnique({ where: { name }, select: { leasedUntil: true } });
  return !!row && row.leasedUntil > now;
}
