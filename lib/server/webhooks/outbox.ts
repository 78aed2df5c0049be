import "server-only";
// The webhook outbox: an event becomes one WebhookDelivery row per endpoint subscribed to
// it, written in the caller's transaction, so an event is sent if and only if what caused
// it committed. Delivery is lib/server/webhooks/deliver.ts.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/server/db";
import { envelope, type WebhookEventType, type WebhookPayload } from "@/lib/webhooks/events";

/** Called inside the transaction that causes the event; returns the delivery ids. */
export async function enqueueWebhookEvent<T extends WebhookEventType>(tx: Tx, type: T, data: WebhookPayload<T>, now = new Date(), onlyEndpointId?: string): Promise<string[]> {
  // Endpoints are few (an organisation's integrations); the subscription list is JSON.
  const endpoints = await tx.webhookEndpoint.findMany({ where: { deletedAt: null, ...(onlyEndpointId ? { id: onlyEndpointId } : {}) }, select: { id: true, events: true } });
  // The test event goes to the one endpoint it was asked for, subscribed or not.
  const subscribed = onlyEndpointId ? endpoints : endpoints.filter((e) => (JSON.parse(e.events) as string[]).includes(type));
  // One statement for all of them: an event is written in the transaction of the change it
  // announces, so its cost is paid by that request (one insert per endpoint made an incident
  // with a few hundred endpoints take over 100 ms).
  const rows = subscribed.map((e) => {
    const id = randomUUID();
    return { id, endpointId: e.id, eventType: type, body: envelope(id, type, data, now), nextAttemptAt: now };
  });
  if (rows.length) await tx.webhookDelivery.createMany({ data: rows });
  return rows.map((r) => r.id);
}

/** One due item as the due-items scanner (lib/server/notifications/due-items.ts) finds it. */
export type DueObligation = WebhookPayload<"obligation.due_soon"> & { overdue: boolean };

/**
 * The wiring point for the due-items scanner: one call with the items it found, in the
 * transaction where it records that it has notified them (so a rerun does not resend).
 */
export async function enqueueDueObligations(tx: Tx, items: readonly DueObligation[], now = new Date()) {
  let n = 0;
  for (const { overdue, ...data } of items) n += (await enqueueWebhookEvent(tx, overdue ? "obligation.overdue" : "obligation.due_soon", data, now)).length;
  return n;
}
