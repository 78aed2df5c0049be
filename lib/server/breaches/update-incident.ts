import "server-only";
// Editing an incident's facts recomputes its open obligations; sent and closed ones are kept as
// they were. The audit diff records the changed facts and what the recomputation changed.
import { AppError, zodDetails } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { incidentColumns, loadIncidentDto, orgTimeZone, recomputeInTx, toIncidentDto } from "@/lib/server/breaches/incident-core";
import { updateIncidentSchema, type IncidentDto } from "@/lib/validation/breaches";

export async function updateIncident(actor: Actor, incidentId: string, input: unknown): Promise<IncidentDto> {
  await requirePermission(actor, "breach:write", { type: "Incident", id: incidentId });
  const parsed = updateIncidentSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Check the incident fields.", zodDetails(parsed.error.issues));
  const { version, ...changes } = parsed.data;
  const timeZone = await orgTimeZone();
  return db().$transaction(async (tx) => {
    const before = await tx.incident.findUnique({ where: { id: incidentId } });
    if (!before) throw new AppError("NOT_FOUND", "No such incident.");
    const columns = incidentColumns(changes);
    // Optimistic concurrency: a stale version (someone else saved first) is a 409.
    const res = await tx.incident.updateMany({
      where: { id: incidentId, ...(version !== undefined ? { version } : {}) },
      data: { ...(columns as object), timeZone, version: { increment: 1 } },
    });
    if (res.count === 0) throw new AppError("CONFLICT", "Someone else changed this incident; reload and try again.");
    const after = (await tx.incident.findUnique({ where: { id: incidentId } }))!;
    const beforeDto = toIncidentDto(before, [], []);
    const afterDto = toIncidentDto(after, [], []);
    const facts: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of Object.keys(afterDto) as (keyof typeof afterDto)[]) {
      if (k === "version" || k === "updatedAt" || k === "obligations" || k === "timeline") continue;
      if (JSON.stringify(beforeDto[k]) !== JSON.stringify(afterDto[k])) facts[k] = { from: beforeDto[k], to: afterDto[k] };
    }
    const recomputed = await recomputeInTx(tx, after, timeZone);
    await appendAudit(tx, actor, { action: "incident.update", entityType: "Incident", entityId: incidentId, diff: { facts, obligations: recomputed } });
    return loadIncidentDto(tx, incidentId);
  });
}
