import "server-only";
// After an organisation profile change: every incident not closed is recomputed in the caller's
// transaction (the same planReconcile as any edit: sent/closed rows stay frozen, docs/decisions/300)
// in the new zone. Returns, per incident reference, what changed (only incidents that changed).
import type { Tx } from "@/lib/server/db";
import { recomputeInTx } from "@/lib/server/breaches/incident-core";

export async function recomputeOpenIncidents(tx: Tx, timeZone: string): Promise<Record<string, unknown>> {
  const open = await tx.incident.findMany({ where: { status: { not: "closed" } }, orderBy: { createdAt: "asc" } });
  const changed: Record<string, unknown> = {};
  for (const row of open) {
    const incident = row.timeZone === timeZone ? row : await tx.incident.update({ where: { id: row.id }, data: { timeZone } });
    const summary = await recomputeInTx(tx, incident, timeZone);
    const s = summary as { added?: unknown[]; removed?: unknown[]; changed?: Record<string, unknown> | unknown[]; noLongerApplies?: unknown[] };
    const size = (v: unknown) => (Array.isArray(v) ? v.length : v && typeof v === "object" ? Object.keys(v).length : 0);
    if (size(s.added) + size(s.removed) + size(s.changed) + size(s.noLongerApplies) > 0 || row.timeZone !== timeZone) changed[row.reference] = summary;
  }
  return changed;
}
