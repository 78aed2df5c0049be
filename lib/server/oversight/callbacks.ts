import "server-only";
import { log } from "@/lib/server/log";
// Security-sensitive: signed outcome callbacks. An outcome is put in an outbox in the
// same transaction that sets it; a background job (one instance at a time, runExclusive)
// POSTs it signed with the system's secret and retries with exponential backoff, logging
// every attempt. Redirects are not followed (a callback cannot be bounced elsewhere), and
// the target is resolved, checked and pinned on every attempt (lib/server/net/pinned-post.ts).
// Signing, posting and what a failure may reveal live in lib/server/net/signed-post.ts,
// shared with webhooks.
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";
import { decrypt } from "@/lib/server/keys";
import { runExclusive } from "@/lib/server/jobs/lease";
import type { PostFn } from "@/lib/server/net/pinned-post";
import { DELIVERY_FAILED, sendSigned } from "@/lib/server/net/signed-post";
import { assertSystemScope, decisionView, DECISION_VIEW_SELECT, REVIEW_SELECT, SECRET_CONTEXT } from "@/lib/server/oversight/common";
import { backoffMs, MAX_CALLBACK_ATTEMPTS } from "@/lib/oversight/signature";

const JOB_ACTOR: Actor = { kind: "system", label: "oversight.callbacks" };

/** Called inside the transaction that gives a decision its outcome. */
export async function enqueueCallback(tx: Tx, decisionId: string) {
  const d = await tx.oversightDecision.findUnique({ where: { id: decisionId }, select: { ...DECISION_VIEW_SELECT, aiSystemId: true, callbackUrl: true } });
  if (!d?.callbackUrl) return null;
  const reviews = await tx.decisionReview.findMany({ where: { decisionId }, orderBy: { at: "asc" }, select: REVIEW_SELECT });
  const body = JSON.stringify({ event: "decision.outcome", decision: decisionView(d, reviews) });
  const row = await tx.callbackDelivery.create({ data: { decisionId, aiSystemId: d.aiSystemId, url: d.callbackUrl, body, nextAttemptAt: new Date() } });
  return row.id;
}

export type DeliveryOptions = { now?: Date; baseBackoffMs?: number; post?: PostFn; timeoutMs?: number };
export { DELIVERY_FAILED };

/** The delivery job: safe with several app instances (a row lease decides who runs). */
export async function deliverDueCallbacks(opts: DeliveryOptions = {}) {
  return runExclusive("oversight.callbacks", 120_000, () => deliverBatch(opts));
}

async function deliverBatch({ now = new Date(), baseBackoffMs = 30_000, post, timeoutMs }: DeliveryOptions) {
  const due = await db().callbackDelivery.findMany({ where: { status: "pending", nextAttemptAt: { lte: now } }, orderBy: { nextAttemptAt: "asc" }, take: 500 });
  let delivered = 0;
  let failed = 0;
  // A few at a time, so one slow receiver does not hold up everyone else's outcomes.
  for (let i = 0; i < due.length; i += 8) {
    const results = await Promise.all(due.slice(i, i + 8).map((d) => deliverOne(d, now, baseBackoffMs, post, timeoutMs)));
    delivered += results.filter((r) => r === "delivered").length;
    failed += results.filter((r) => r === "failed").length;
  }
  return { attempted: due.length, delivered, failed };
}

type DueDelivery = { id: string; decisionId: string; aiSystemId: string; url: string; body: string; attempts: number; nextAttemptAt: Date };

async function deliverOne(d: DueDelivery, now: Date, baseBackoffMs: number, post: PostFn | undefined, timeoutMs: number | undefined): Promise<"delivered" | "failed" | "skipped"> {
  {
    const system = await db().aiSystem.findUnique({ where: { id: d.aiSystemId }, select: { callbackSecretEnc: true } });
    if (!system) return "skipped";
    const { statusCode, error, durationMs } = await sendSigned(
      { url: d.url, secret: decrypt(system.callbackSecretEnc, SECRET_CONTEXT), body: d.body, deliveryId: d.id, userAgent: "oversight-callbacks/1" },
      { post, timeoutMs },
    );
    const attempt = d.attempts + 1;
    const ok = error === null;
    const giveUp = !ok && attempt >= MAX_CALLBACK_ATTEMPTS;
    const nextRetryAt = ok || giveUp ? null : new Date(now.getTime() + backoffMs(attempt, baseBackoffMs));
    await db().$transaction(async (tx) => {
      await tx.callbackAttempt.create({ data: { deliveryId: d.id, attempt, statusCode, error, durationMs, nextRetryAt } });
      await tx.callbackDelivery.update({
        where: { id: d.id },
        data: { attempts: attempt, status: ok ? "delivered" : giveUp ? "failed" : "pending", deliveredAt: ok ? new Date() : null, nextAttemptAt: nextRetryAt ?? d.nextAttemptAt },
      });
      if (ok || giveUp) {
        await appendAudit(tx, JOB_ACTOR, { action: ok ? "oversight.callback.delivered" : "oversight.callback.failed", entityType: "OversightDecision", entityId: d.decisionId, diff: { attempts: attempt, statusCode, error } });
      }
    });
    return ok ? "delivered" : "failed";
  }
}

/** The delivery log of one decision, for the decision page. */
export async function listCallbackDeliveries(actor: Actor, decisionId: string) {
  await requirePermission(actor, "oversight:read", { type: "OversightDecision", id: decisionId });
  const d = await db().oversightDecision.findUnique({ where: { id: decisionId }, select: { aiSystemId: true } });
  if (!d) throw new AppError("NOT_FOUND", "No such decision.");
  assertSystemScope(actor, d.aiSystemId);
  const deliveries = await db().callbackDelivery.findMany({ where: { decisionId } });
  const attempts = await db().callbackAttempt.findMany({ where: { deliveryId: { in: deliveries.map((x) => x.id) } }, orderBy: { attempt: "asc" } });
  return deliveries.map((x) => ({
    id: x.id,
    url: x.url,
    status: x.status,
    attempts: attempts.filter((a) => a.deliveryId === x.id).map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), statusCode: a.statusCode, error: a.error, durationMs: a.statusCode === null ? null : a.durationMs, nextRetryAt: a.nextRetryAt?.toISOString() ?? null })),
    deliveredAt: x.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: x.status === "pending" ? x.nextAttemptAt.toISOString() : null,
  }));
}

