import "server-only";
import { SEALER_LEASE } from "@/lib/audit/cadence";
import { db } from "@/lib/server/db";

/**
 * Whether a server runs on this database (docs/decisions/009): a running server holds the
 * audit sealer's standing lease, renewed every few seconds; any other held job lease means
 * work in progress. A crashed server's lease expires within a minute.
 */
export async function runningServer(now = new Date()): Promise<string | null> {
  const held = await db().jobLease.findMany({ where: { leasedUntil: { gt: now } }, select: { name: true, leasedUntil: true } });
  if (!held.length) return null;
  const sealer = held.find((h) => h.name === SEALER_LEASE);
  return `${sealer ? "the audit sealer" : `the job ${held[0]!.name}`} holds a lease until ${(sealer ?? held[0]!).leasedUntil.toISOString()}`;
}
