import "server-only";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { oversightMetrics } from "@/lib/oversight/metrics";

/** Aggregates for the overview charts, computed from the decision rows of the last `days`. */
export async function getOversightMetrics(actor: Actor, days = 30, now = new Date()) {
  await requirePermission(actor, "oversight:read", { type: "OversightDecision" });
  const since = new Date(now.getTime() - days * 86_400_000);
  const [rows, systems] = await Promise.all([
    db().oversightDecision.findMany({ where: { createdAt: { gte: since } }, select: { createdAt: true, decidedAt: true, status: true, requiredApprovals: true, slaBreachedAt: true, modelVersionLabel: true, aiSystemId: true } }),
    db().aiSystem.findMany({ select: { id: true, name: true } }),
  ]);
  const names = new Map(systems.map((s) => [s.id, s.name]));
  const m = oversightMetrics(rows.map((r) => ({ ...r, aiSystemName: names.get(r.aiSystemId) ?? "?" })), days, now);
  const open = await db().oversightDecision.count({ where: { status: { in: ["pending_review", "escalated"] } } });
  const overdue = await db().oversightDecision.count({ where: { status: { in: ["pending_review", "escalated"] }, dueAt: { lte: now } } });
  return { ...m, open, overdue, days };
}
