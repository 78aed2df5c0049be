import "server-only";
// The oversight events for webhooks (decision.escalated, decision.info_requested, decision.decided), read from the
// decision row as the transaction that changed it sees it. Ids and statuses only: the
// subject reference and inputs stay behind decision:reveal.
import type { Tx } from "@/lib/server/db";
import { enqueueWebhookEvent } from "@/lib/server/webhooks/outbox";

/** escalatedBy given: a decision.escalated event; otherwise decision.decided (the row must be terminal). */
export async function enqueueDecisionEvent(tx: Tx, decisionId: string, escalatedBy?: "manual" | "sla") {
  const d = await tx.oversightDecision.findUniqueOrThrow({ where: { id: decisionId }, select: { aiSystemId: true, decisionType: true, status: true, finalOutcome: true, decidedAt: true, escalateTo: true, dueAt: true } });
  if (escalatedBy) {
    return enqueueWebhookEvent(tx, "decision.escalated", { decisionId, aiSystemId: d.aiSystemId, decisionType: d.decisionType, escalateTo: d.escalateTo, reason: escalatedBy, dueAt: d.dueAt?.toISOString() ?? null });
  }
  return enqueueWebhookEvent(tx, "decision.decided", { decisionId, aiSystemId: d.aiSystemId, decisionType: d.decisionType, status: d.status, finalOutcome: d.finalOutcome, decidedAt: (d.decidedAt ?? new Date()).toISOString() });
}

/** A reviewer asked for information (decision.info_requested); ids and times only. */
export async function enqueueInfoRequestedEvent(tx: Tx, decisionId: string, requestedAt: Date) {
  const d = await tx.oversightDecision.findUniqueOrThrow({ where: { id: decisionId }, select: { aiSystemId: true, decisionType: true, dueAt: true } });
  return enqueueWebhookEvent(tx, "decision.info_requested", { decisionId, aiSystemId: d.aiSystemId, decisionType: d.decisionType, requestedAt: requestedAt.toISOString(), dueAt: d.dueAt?.toISOString() ?? null });
}
