import "server-only";
// The incident timeline: what was done, by whom, when. Append-only.
import { AppError, validationError } from "@/lib/errors";
import { actorId, actorLabel, type Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { timelineEntrySchema } from "@/lib/validation/breaches";

export async function addTimelineEntry(actor: Actor, incidentId: string, input: unknown) {
  await requirePermission(actor, "breach:write", { type: "Incident", id: incidentId });
  const parsed = timelineEntrySchema.safeParse(input);
  if (!parsed.success) throw validationError("Check the timeline entry.", parsed.error.issues, input);
  return db().$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
    if (!incident) throw new AppError("NOT_FOUND", "No such incident.");
    const row = await tx.incidentTimelineEntry.create({
      data: {
        incidentId,
        at: new Date(parsed.data.at),
        action: parsed.data.action,
        performedBy: parsed.data.performedBy ?? "",
        recordedById: actorId(actor),
        recordedByLabel: actorLabel(actor),
      },
    });
    await appendAudit(tx, actor, { action: "incident.timeline.add", entityType: "Incident", entityId: incidentId, diff: { entryId: row.id, ...parsed.data } });
    return { id: row.id, at: row.at.toISOString(), action: row.action, performedBy: row.performedBy, recordedBy: row.recordedByLabel };
  });
}
