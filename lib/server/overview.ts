import "server-only";
import type { Actor } from "@/lib/server/actor";
import { can, requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

/** Counts for the overview page; each block appears only for roles that may see it. */
export async function getOverview(actor: Actor) {
  await requirePermission(actor, "dashboard:read");
  const userId = actor.kind === "user" ? actor.userId : null;
  const me = userId ? await db().user.findUnique({ where: { id: userId }, select: { mfaEnabledAt: true } }) : null;
  const audit = can(actor, "audit:read")
    ? { events: await db().auditEvent.count(), heads: await db().auditTreeHead.count() }
    : null;
  const users = can(actor, "user:read")
    ? {
        active: await db().user.count({ where: { disabledAt: null } }),
        withoutMfa: await db().user.count({ where: { disabledAt: null, mfaEnabledAt: null } }),
      }
    : null;
  return { mfaEnabled: !!me?.mfaEnabledAt, audit, users };
}
