import "server-only";
import type { Actor } from "@/lib/server/actor";
import { can, requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

/** Counts for the overview page; each block appears only for roles that may see it. */
export async function getOverview(actor: Actor) {
  await requirePermission(actor, "dashboard:read");
  const userId = actor.kind === "user" ? actor.userId : null;
  const me = userId ? await db().user.findUnique({ where: { id: userId }, select: { mfaEnabledAt: true } }) : null;
  const audit = can(actor, "audit:read") ? { events: await auditEventCount(), heads: await db().auditTreeHead.count() } : null;
  const users = can(actor, "user:read")
    ? {
        active: await db().user.count({ where: { disabledAt: null } }),
        withoutMfa: await db().user.count({ where: { disabledAt: null, mfaEnabledAt: null } }),
      }
    : null;
  return { mfaEnabled: !!me?.mfaEnabledAt, audit, users };
}

/**
 * The number of audit events without counting a million rows on every home-page view: the
 * sealer numbers committed events 1, 2, 3, … (seq = leaf index + 1, never reused; the log
 * is append-only), so the sealed ones are the highest seq and the rest are those still
 * waiting for a seq. Both read the unique index on seq.
 */
export async function auditEventCount(): Promise<number> {
  // One statement (the same SQL on both dialects); Prisma's aggregate and count would be two
  // round trips with their own planning, for two index reads.
  const [r] = await db().$queryRaw<{ sealed: bigint | number | null; unsealed: bigint | number }[]>`SELECT MAX("seq") AS "sealed", (SELECT COUNT(*) FROM "AuditEvent" WHERE "seq" IS NULL) AS "unsealed" FROM "AuditEvent"`;
  return Number(r?.sealed ?? 0) + Number(r?.unsealed ?? 0);
}
