import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { parseInput, requireNamedActor } from "@/lib/server/oversight/common";
import { putPolicySchema, type PolicyRule } from "@/lib/validation/oversight";

/** Replaces the escalation policy of a system; the audit event keeps the old and new rules. */
export async function putEscalationPolicy(actor: Actor, aiSystemId: string, input: unknown) {
  await requirePermission(actor, "oversight:admin", { type: "EscalationPolicy", id: aiSystemId });
  requireNamedActor(actor);
  const data = parseInput(putPolicySchema, input);
  return db().$transaction(async (tx) => {
    // Lock the system's row first: two first PUTs would both find no policy and both insert
    // one (the unique aiSystemId refuses the second); taking turns, the second one updates.
    const found = await tx.$executeRaw`UPDATE "AiSystem" SET "version" = "version" WHERE "id" = ${aiSystemId}`;
    if (found === 0) throw new AppError("NOT_FOUND", "No such AI system.");
    const before = await tx.escalationPolicy.findUnique({ where: { aiSystemId } });
    const rules = JSON.stringify(data.rules);
    const allowAdminReview = data.allowAdminReview ?? false;
    const updatedById = actor.kind === "user" || actor.kind === "api_key" ? (actor.userId ?? null) : null;
    const row = before
      ? await tx.escalationPolicy.update({ where: { aiSystemId }, data: { rules, allowAdminReview, revision: { increment: 1 }, updatedById } })
      : await tx.escalationPolicy.create({ data: { aiSystemId, rules, allowAdminReview, updatedById } });
    await appendAudit(tx, actor, {
      action: "oversight.policy.put",
      entityType: "EscalationPolicy",
      entityId: aiSystemId,
      diff: { revision: row.revision, before: before ? JSON.parse(before.rules) : null, after: data.rules, allowAdminReview },
    });
    return { aiSystemId, revision: row.revision, rules: data.rules as unknown[], allowAdminReview, updatedAt: row.updatedAt.toISOString() };
  });
}

export async function getEscalationPolicy(actor: Actor, aiSystemId: string) {
  await requirePermission(actor, "oversight:read", { type: "EscalationPolicy", id: aiSystemId });
  const row = await db().escalationPolicy.findUnique({ where: { aiSystemId } });
  if (!row) return null;
  return { aiSystemId, revision: row.revision, rules: JSON.parse(row.rules) as PolicyRule[], allowAdminReview: row.allowAdminReview, updatedAt: row.updatedAt.toISOString() };
}
