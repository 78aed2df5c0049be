import "server-only";
// SLA work: an overdue open decision is escalated or expired per its policy, never
// approved. Runs as a job on one instance at a time (runExclusive); each decision changes
// under optimistic concurrency, so a reviewer acting at the same moment wins or loses
// cleanly. The audit event names the job as the actor.
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { db } from "@/lib/server/db";
import { runExclusive } from "@/lib/server/jobs/lease";
import { notifyDecisionEscalated } from "@/lib/server/notifications/events";
import { enqueueCallback } from "@/lib/server/oversight/callbacks";
import { enqueueDecisionEvent } from "@/lib/server/oversight/webhook-events";
import { timeoutTransition } from "@/lib/oversight/outcome";
import { DEFAULT_SLA_HOURS } from "@/lib/oversight/routing";
import type { DecisionStatus } from "@/lib/validation/oversight";
import { yieldToEventLoop } from "@/lib/server/yield";

const JOB_ACTOR: Actor = { kind: "system", label: "oversight.sla" };
const OPEN = ["pending_review", "escalated"];

/** Applies the timeout to one decision if it is open and overdue; false if nothing to do. */
export async function applySlaTimeout(decisionId: string, now = new Date()): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const d = await tx.oversightDecision.findUnique({ where: { id: decisionId } });
    if (!d || !OPEN.includes(d.status) || !d.dueAt || d.dueAt > now) return false;
    const t = timeoutTransition({ status: d.status as DecisionStatus, onTimeout: d.onTimeout as "escalate" | "expire" | null });
    const escalate = t.status === "escalated";
    const res = await tx.oversightDecision.updateMany({
      where: { id: d.id, version: d.version, status: d.status },
      data: {
        status: t.status,
        slaBreachedAt: d.slaBreachedAt ?? now,
        version: { increment: 1 },
        ...(escalate
          ? { escalatedAt: now, dueAt: new Date(now.getTime() + (d.slaHours ?? DEFAULT_SLA_HOURS) * 3_600_000) }
          : { decidedAt: now, finalOutcome: null }),
      },
    });
    if (res.count !== 1) return false;
    await appendAudit(tx, JOB_ACTOR, {
      action: escalate ? "oversight.decision.sla-escalate" : "oversight.decision.sla-expire",
      entityType: "OversightDecision",
      entityId: d.id,
      diff: { before: d.status, after: t.status, dueAt: d.dueAt.toISOString(), escalateTo: escalate ? d.escalateTo : null },
    });
    if (escalate && d.escalateTo) await notifyDecisionEscalated(tx, d.id, d.escalateTo);
    if (!escalate) await enqueueCallback(tx, d.id);
    await enqueueDecisionEvent(tx, d.id, escalate ? "sla" : undefined);
    return true;
  });
}

/** The SLA job. Returns null when another instance holds the lease. */
export async function runSlaSweep(now = new Date()) {
  return runExclusive("oversight.sla", 120_000, async () => {
    let escalatedOrExpired = 0;
    for (;;) {
      const overdue = await db().oversightDecision.findMany({ where: { status: { in: OPEN }, dueAt: { lte: now } }, orderBy: { dueAt: "asc" }, take: 200, select: { id: true } });
      let changed = 0;
      for (const { id } of overdue) if (await applySlaTimeout(id, now)) changed++;
      escalatedOrExpired += changed;
      if (overdue.length < 200 || changed === 0) break;
      // Thousands overdue after a pause: let requests run between pages (lib/server/yield.ts).
      await yieldToEventLoop();
    }
    return { changed: escalatedOrExpired };
  });
}
