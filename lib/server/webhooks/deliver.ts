import "server-only";
// Security-sensitive: delivering the webhook outbox. Unlike the callback job (one lease
// for the whole batch) every instance may run this job at once: each row is claimed with
// a conditional UPDATE (pending, due and not claimed by a live claim), which the database
// grants to one caller only, so a delivery is sent once however many instances run. A
// claim that outlives a crashed deliverer expires and the row is tried again (the
// receiver de-duplicates on X-Oversight-Delivery, as after any retry).
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { db } from "@/lib/server/db";
import { decrypt } from "@/lib/server/keys";
import type { PostFn } from "@/lib/server/net/pinned-post";
import { sendSigned } from "@/lib/server/net/signed-post";
import { WEBHOOK_SECRET_CONTEXT } from "@/lib/server/webhooks/secret";
import { backoffMs } from "@/lib/oversight/signature";
import { EVENT_TYPE_HEADER, MAX_WEBHOOK_ATTEMPTS } from "@/lib/webhooks/events";

const JOB_ACTOR: Actor = { kind: "system", label: "webhooks.deliver" };
const INSTANCE = randomUUID();
const CLAIM_MS = 60_000;

export type WebhookDeliveryOptions = { now?: Date; baseBackoffMs?: number; post?: PostFn; timeoutMs?: number; instance?: string; limit?: number };

async function claim(id: string, now: Date, owner: string): Promise<boolean> {
  // The claim runs from when it is taken, not from the start of the run: a run held up by
  // slow receivers must not hand out claims that are already about to expire.
  const at = new Date(Math.max(now.getTime(), Date.now()));
  const r = await db().webhookDelivery.updateMany({
    where: { id, status: "pending", nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: at } }] },
    data: { claimedUntil: new Date(at.getTime() + CLAIM_MS), claimedBy: owner },
  });
  return r.count === 1;
}

export async function deliverDueWebhooks(opts: WebhookDeliveryOptions = {}) {
  const now = opts.now ?? new Date();
  const owner = opts.instance ?? INSTANCE;
  const due = await db().webhookDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    orderBy: { nextAttemptAt: "asc" },
    take: opts.limit ?? 200,
    select: { id: true },
  });
  let delivered = 0;
  let failed = 0;
  let claimed = 0;
  // A few at a time, so one slow receiver does not hold up everyone else's events.
  for (let i = 0; i < due.length; i += 8) {
    const results = await Promise.all(
      due.slice(i, i + 8).map(async ({ id }) => {
        if (!(await claim(id, now, owner))) return "taken" as const;
        claimed++;
        return deliverClaimed(id, now, owner, opts);
      }),
    );
    delivered += results.filter((r) => r === "delivered").length;
    failed += results.filter((r) => r === "failed").length;
  }
  return { claimed, delivered, failed };
}

async function deliverClaimed(id: string, now: Date, owner: string, opts: WebhookDeliveryOptions): Promise<"delivered" | "failed" | "cancelled"> {
  const d = await db().webhookDelivery.findUniqueOrThrow({ where: { id }, include: { endpoint: { select: { url: true, secretEnc: true, deletedAt: true } } } });
  if (d.endpoint.deletedAt) {
    await db().webhookDelivery.updateMany({ where: { id, claimedBy: owner }, data: { status: "cancelled", claimedUntil: null } });
    return "cancelled";
  }
  const { statusCode, error } = await sendSigned(
    { url: d.endpoint.url, secret: decrypt(d.endpoint.secretEnc, WEBHOOK_SECRET_CONTEXT), body: d.body, deliveryId: d.id, userAgent: "oversight-webhooks/1", headers: { [EVENT_TYPE_HEADER]: d.eventType } },
    { post: opts.post, timeoutMs: opts.timeoutMs },
  );
  const attempt = d.attempts + 1;
  const ok = error === null;
  const giveUp = !ok && attempt >= MAX_WEBHOOK_ATTEMPTS;
  const nextRetryAt = ok || giveUp ? null : new Date(now.getTime() + backoffMs(attempt, opts.baseBackoffMs ?? 30_000));
  await db().$transaction(async (tx) => {
    await tx.webhookAttempt.create({ data: { deliveryId: id, attempt, statusCode, error, nextRetryAt } });
    await tx.webhookDelivery.update({
      where: { id },
      data: {
        attempts: attempt,
        status: ok ? "delivered" : giveUp ? "failed" : "pending",
        deliveredAt: ok ? new Date() : null,
        nextAttemptAt: nextRetryAt ?? d.nextAttemptAt,
        lastStatusCode: statusCode,
        lastError: error,
        claimedUntil: null,
        claimedBy: null,
      },
    });
    // Successes are in the delivery log; the audit log records the ones given up on.
    if (giveUp) await appendAudit(tx, JOB_ACTOR, { action: "webhook.delivery.failed", entityType: "WebhookEndpoint", entityId: d.endpointId, diff: { deliveryId: id, eventType: d.eventType, attempts: attempt, statusCode, error } });
  });
  return ok ? "delivered" : "failed";
}
