import "server-only";
// Notification tracking: recording that a notice was sent (append-only: a sent notice is never
// changed afterwards), closing an obligation as not required or late with a reason, and ticking
// its content checklist. Sending recomputes the incident so dependent deadlines (California AG:
// 15 days after the consumer notice) get their due instant.
import { isPending, statusWhenSent } from "@/lib/breaches/reconcile";
import { AppError, validationError } from "@/lib/errors";
import { actorId, actorLabel, type Actor } from "@/lib/server/actor";
import { plainTransaction, type Transact } from "@/lib/server/api/idempotency";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";
import { orgTimeZone, recomputeInTx, toObligationDtos } from "@/lib/server/breaches/incident-core";
import { loadIncidentDto } from "@/lib/server/breaches/load-many";
import { checklistSchema, markSentSchema, setObligationStatusSchema, type ObligationDto } from "@/lib/validation/breaches";

/** The obligation, only if it belongs to this incident (never trust the pair the client sends). */
async function loadObligation(tx: Tx, incidentId: string, obligationId: string) {
  const row = await tx.breachObligation.findFirst({ where: { id: obligationId, incidentId } });
  if (!row) throw new AppError("NOT_FOUND", "No such obligation on this incident.");
  return row;
}

const label = (o: { regime: string; recipient: string; jurisdiction: string | null }) =>
  `${o.regime} ${o.recipient.replaceAll("_", " ")}${o.jurisdiction && o.jurisdiction !== o.regime ? ` (${o.jurisdiction})` : ""}`;

/** `transact` opens the transaction (the API passes one that claims an Idempotency-Key in it). */
export async function markObligationSent(actor: Actor, incidentId: string, obligationId: string, input: unknown, transact: Transact = plainTransaction) {
  await requirePermission(actor, "breach:write", { type: "BreachObligation", id: obligationId });
  const parsed = markSentSchema.safeParse(input);
  if (!parsed.success) throw validationError("Check the notice fields.", parsed.error.issues, input);
  const sentAt = new Date(parsed.data.sentAt);
  if (sentAt.getTime() > Date.now() + 5 * 60_000) throw new AppError("VALIDATION", "sentAt is in the future; record a notice once it has been sent.", [{ path: "sentAt", message: "is in the future" }]);
  const timeZone = await orgTimeZone();
  return transact(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: incidentId } });
    if (!incident) throw new AppError("NOT_FOUND", "No such incident.");
    const row = await loadObligation(tx, incidentId, obligationId);
    if (!isPending({ status: row.status, sentAt: row.sentAt?.toISOString() ?? null })) {
      throw new AppError("CONFLICT", `This notice is already ${row.status.replace("_", " ")}; a recorded notice is not changed.`);
    }
    if (sentAt < incident.discoveredAt) throw new AppError("VALIDATION", "sentAt is before the breach was discovered.", [{ path: "sentAt", message: "is before discovery" }]);
    const status = statusWhenSent(row.dueAt?.toISOString() ?? null, parsed.data.sentAt);
    const reason = parsed.data.reason ?? (row.status === "late" ? row.statusReason : null) ?? null;
    const res = await tx.breachObligation.updateMany({
      where: { id: row.id, version: row.version },
      data: {
        status,
        statusReason: reason,
        sentAt,
        sentReference: parsed.data.reference ?? null,
        sentById: actorId(actor),
        sentByLabel: actorLabel(actor),
        version: { increment: 1 },
      },
    });
    if (res.count === 0) throw new AppError("CONFLICT", "Someone else changed this obligation; reload and try again.");
    await tx.incidentTimelineEntry.create({
      data: {
        incidentId,
        at: sentAt,
        action: `Notice sent: ${label(row)}${parsed.data.reference ? `, reference ${parsed.data.reference}` : ""}${status === "late" ? " (after the deadline)" : ""}`,
        performedBy: actor.kind === "user" ? actor.name : actorLabel(actor),
        recordedById: actorId(actor),
        recordedByLabel: actorLabel(actor),
      },
    });
    const recomputed = await recomputeInTx(tx, incident, timeZone);
    await appendAudit(tx, actor, {
      action: "obligation.sent",
      entityType: "BreachObligation",
      entityId: row.id,
      diff: { incidentId, key: row.key, status: { from: row.status, to: status }, sentAt: parsed.data.sentAt, reference: parsed.data.reference ?? null, reason, dependents: recomputed },
    });
    const dto = await loadIncidentDto(tx, incidentId);
    return { obligation: dto.obligations.find((o) => o.id === row.id)!, obligations: dto.obligations };
  });
}

export async function setObligationStatus(actor: Actor, incidentId: string, obligationId: string, input: unknown): Promise<ObligationDto> {
  await requirePermission(actor, "breach:write", { type: "BreachObligation", id: obligationId });
  const parsed = setObligationStatusSchema.safeParse(input);
  if (!parsed.success) throw validationError("Check the status fields.", parsed.error.issues, input);
  const timeZone = await orgTimeZone();
  return db().$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: incidentId } });
    if (!incident) throw new AppError("NOT_FOUND", "No such incident.");
    const row = await loadObligation(tx, incidentId, obligationId);
    if (row.sentAt) throw new AppError("CONFLICT", "This notice was sent; a recorded notice is not changed.");
    const next = parsed.data;
    if (next.status === "open" && row.status === "open") throw new AppError("CONFLICT", "This obligation is already open.");
    const reason = next.status === "open" ? null : next.reason;
    const res = await tx.breachObligation.updateMany({
      where: { id: row.id, version: row.version },
      data: { status: next.status, statusReason: reason, version: { increment: 1 } },
    });
    if (res.count === 0) throw new AppError("CONFLICT", "Someone else changed this obligation; reload and try again.");
    // Re-opening a closed row lets the engine bring its deadline up to date.
    const recomputed = next.status === "open" ? await recomputeInTx(tx, incident, timeZone) : null;
    await appendAudit(tx, actor, {
      action: "obligation.status",
      entityType: "BreachObligation",
      entityId: row.id,
      diff: { incidentId, key: row.key, status: { from: row.status, to: next.status }, reason, ...(recomputed ? { recomputed } : {}) },
    });
    const rows = await tx.breachObligation.findMany({ where: { incidentId } });
    return toObligationDtos(rows).find((o) => o.id === row.id)!;
  });
}

export async function updateObligationChecklist(actor: Actor, incidentId: string, obligationId: string, input: unknown): Promise<ObligationDto> {
  await requirePermission(actor, "breach:write", { type: "BreachObligation", id: obligationId });
  const parsed = checklistSchema.safeParse(input);
  if (!parsed.success) throw validationError("Check the checklist.", parsed.error.issues, input);
  return db().$transaction(async (tx) => {
    const row = await loadObligation(tx, incidentId, obligationId);
    const items = JSON.parse(row.contentChecklist) as string[];
    if (parsed.data.done.length !== items.length) throw new AppError("VALIDATION", `The checklist has ${items.length} items.`);
    const before = JSON.parse(row.checklistDone) as boolean[];
    await tx.breachObligation.update({ where: { id: row.id }, data: { checklistDone: JSON.stringify(parsed.data.done), version: { increment: 1 } } });
    const ticked = items.filter((_, i) => parsed.data.done[i] && !before[i]);
    const unticked = items.filter((_, i) => !parsed.data.done[i] && before[i]);
    await appendAudit(tx, actor, { action: "obligation.checklist", entityType: "BreachObligation", entityId: row.id, diff: { incidentId, key: row.key, ticked, unticked } });
    const rows = await tx.breachObligation.findMany({ where: { incidentId } });
    return toObligationDtos(rows).find((o) => o.id === row.id)!;
  });
}
