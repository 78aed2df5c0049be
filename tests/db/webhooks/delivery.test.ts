import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { databaseDialect } from "@/lib/env";
import { DELIVERY_FAILED } from "@/lib/server/net/signed-post";
import { db } from "@/lib/server/db";
import { deliverDueWebhooks } from "@/lib/server/webhooks/deliver";
import { createWebhook, deleteWebhook, listWebhookDeliveries, sendTestEvent } from "@/lib/server/webhooks/endpoints";
import { enqueueDueObligations, enqueueWebhookEvent } from "@/lib/server/webhooks/outbox";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { actorFor } from "@/lib/server/testing/factories";
import { allowCallbackHosts } from "../oversight/helpers";
import { startReceiver, verifiedIndependently } from "./receiver";

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
let rx: Receiver;
let admin: Awaited<ReturnType<typeof actorFor>>;
const created: string[] = [];

beforeAll(async () => {
  allowCallbackHosts("127.0.0.1");
  rx = await startReceiver();
  admin = await actorFor("admin");
});
afterAll(async () => {
  allowCallbackHosts("");
  await rx.close();
});
afterEach(async () => {
  for (const id of created.splice(0)) await deleteWebhook(admin, id).catch(() => undefined);
  rx.received.length = 0;
  rx.state.failNext = 0;
});

async function endpoint(events: string[]) {
  const ep = await createWebhook(admin, { url: rx.url, events });
  created.push(ep.id);
  return ep;
}


describe("webhook deliveries", () => {
  it("an incident created writes its delivery in the same transaction; delivered signed (verified independently)", async () => {
    const ep = await endpoint(["incident.created"]);
    const officer = await actorFor("compliance_officer");
    const incident = await createIncident(officer, { title: "Laptop stolen with HR files of Jane Doe", discoveredAt: "2026-03-02T10:00:00Z", affected: [{ jurisdiction: "EU", count: 3 }] });
    const rows = await db().webhookDelivery.findMany({ where: { endpointId: ep.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.eventType).toBe("incident.created");

    const r = await deliverDueWebhooks({ timeoutMs: 3000 });
    expect(r.delivered).toBeGreaterThanOrEqual(1);
    const got = rx.received.find((x) => x.headers["x-oversight-delivery"] === rows[0]!.id)!;
    expect(got).toBeDefined();
    expect(verifiedIndependently(ep.secret, got)).toBe(true);
    expect(verifiedIndependently("whsec_wrong", got)).toBe(false);
    expect(verifiedIndependently(ep.secret, { ...got, body: got.body.replace("EU", "US") + " " })).toBe(false);
    expect(got.headers["x-oversight-event"]).toBe("incident.created");
    const body = JSON.parse(got.body) as { id: string; type: string; data: Record<string, unknown> };
    expect(body).toMatchObject({ id: rows[0]!.id, type: "incident.created", data: { incidentId: incident.id, reference: incident.reference } });
    // No personal data of the data subject from the title travels.
    expect(got.body).not.toContain("Jane Doe");
    expect((await db().webhookDelivery.findUniqueOrThrow({ where: { id: rows[0]!.id } })).status).toBe("delivered");
  });

  it("nothing is queued when the causing transaction rolls back", async () => {
    const ep = await endpoint(["alert.raised"]);
    await expect(
      db().$transaction(async (tx) => {
        await enqueueWebhookEvent(tx, "alert.raised", { alertId: "a1", kind: "consent.spike", severity: "high", title: "Withdrawals spiked", raisedAt: new Date().toISOString() });
        throw new Error("the cause failed");
      }),
    ).rejects.toThrow("the cause failed");
    expect(await db().webhookDelivery.count({ where: { endpointId: ep.id } })).toBe(0);
  });

  it("after a 500 it retries with exponential backoff, logs each attempt, then delivers", async () => {
    const ep = await endpoint(["obligation.due_soon", "obligation.overdue"]);
    await db().$transaction((tx) =>
      enqueueDueObligations(tx, [{ incidentId: "i1", incidentReference: "INC-2026-0001", obligationId: "o1", regulation: "GDPR", title: "Notify the supervisory authority", dueAt: "2026-03-05T10:00:00Z", overdue: true }]),
    );
    const [row] = await db().webhookDelivery.findMany({ where: { endpointId: ep.id } });
    expect(row!.eventType).toBe("obligation.overdue");
    rx.state.failNext = 2;
    const t0 = new Date();
    const opts = { baseBackoffMs: 1000, timeoutMs: 3000 };
    await deliverDueWebhooks({ ...opts, now: t0 });
    let d = await db().webhookDelivery.findUniqueOrThrow({ where: { id: row!.id } });
    expect(d).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    expect(d.nextAttemptAt.getTime()).toBe(t0.getTime() + 1000);
    await deliverDueWebhooks({ ...opts, now: new Date(t0.getTime() + 500) });
    expect((await db().webhookDelivery.findUniqueOrThrow({ where: { id: row!.id } })).attempts).toBe(1);
    const t1 = new Date(t0.getTime() + 1000);
    await deliverDueWebhooks({ ...opts, now: t1 });
    d = await db().webhookDelivery.findUniqueOrThrow({ where: { id: row!.id } });
    expect(d.attempts).toBe(2);
    expect(d.nextAttemptAt.getTime()).toBe(t1.getTime() + 2000);
    await deliverDueWebhooks({ ...opts, now: new Date(t1.getTime() + 2000) });
    d = await db().webhookDelivery.findUniqueOrThrow({ where: { id: row!.id } });
    expect(d).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200 });
    const attempts = await db().webhookAttempt.findMany({ where: { deliveryId: row!.id }, orderBy: { attempt: "asc" } });
    expect(attempts.map((a) => [a.attempt, a.statusCode])).toEqual([[1, 500], [2, 500], [3, 200]]);
    // The same delivery id on every attempt, so the receiver can de-duplicate.
    expect(new Set(rx.received.map((x) => x.headers["x-oversight-delivery"]))).toEqual(new Set([row!.id]));
    const log = await listWebhookDeliveries(admin, ep.id);
    expect(log.items[0]).toMatchObject({ id: row!.id, status: "delivered", attempts: 3, lastStatusCode: 200, nextAttemptAt: null });
  });

  it("the target is checked again at delivery: off the allow list, the attempt is logged as 'delivery failed' only", async () => {
    const ep = await endpoint(["control.failed"]);
    const { deliveryId } = await sendTestEvent(admin, ep.id);
    allowCallbackHosts("");
    try {
      await deliverDueWebhooks({ timeoutMs: 3000 });
    } finally {
      allowCallbackHosts("127.0.0.1");
    }
    expect(rx.received).toHaveLength(0);
    const d = await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(d).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null, lastError: DELIVERY_FAILED, eventType: "webhook.test" });
  });

  it("a closed port and a refused address look the same in the log (no port-scan signal)", async () => {
    const closed = await createWebhook(admin, { url: "http://127.0.0.1:9/hook", events: ["control.failed"] });
    created.push(closed.id);
    const { deliveryId } = await sendTestEvent(admin, closed.id);
    await deliverDueWebhooks({ timeoutMs: 3000 });
    const d = await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect({ code: d.lastStatusCode, error: d.lastError }).toEqual({ code: null, error: DELIVERY_FAILED });
  });

  it("a deleted endpoint's pending deliveries are cancelled and never sent", async () => {
    const ep = await endpoint(["control.failed"]);
    const { deliveryId } = await sendTestEvent(admin, ep.id);
    await deleteWebhook(admin, ep.id);
    await deliverDueWebhooks({ timeoutMs: 3000 });
    expect(rx.received).toHaveLength(0);
    expect((await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).status).toBe("cancelled");
  });

  it("a row claimed by another live deliverer is left alone; an expired claim (a crashed instance) is taken over", async () => {
    const ep = await endpoint(["control.failed"]);
    const { deliveryId } = await sendTestEvent(admin, ep.id);
    await db().webhookDelivery.update({ where: { id: deliveryId }, data: { claimedBy: "other-instance", claimedUntil: new Date(Date.now() + 60_000) } });
    expect((await deliverDueWebhooks({ timeoutMs: 3000 })).claimed).toBe(0);
    expect(rx.received).toHaveLength(0);
    await db().webhookDelivery.update({ where: { id: deliveryId }, data: { claimedUntil: new Date(Date.now() - 1000) } });
    await deliverDueWebhooks({ timeoutMs: 3000 });
    expect(rx.received.map((x) => x.headers["x-oversight-delivery"])).toEqual([deliveryId]);
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "delivered", claimedBy: null, claimedUntil: null });
  });

  it.runIf(databaseDialect() === "postgresql")("two deliverers running at once send each delivery exactly once (PostgreSQL)", async () => {
    const ep = await endpoint(["alert.raised"]);
    const n = 30;
    await db().$transaction(async (tx) => {
      for (let i = 0; i < n; i++) await enqueueWebhookEvent(tx, "alert.raised", { alertId: `a${i}`, kind: "volume", severity: "low", title: `Alert ${i}`, raisedAt: new Date().toISOString() });
    });
    const [a, b, c] = await Promise.all([
      deliverDueWebhooks({ instance: "instance-a", timeoutMs: 3000 }),
      deliverDueWebhooks({ instance: "instance-b", timeoutMs: 3000 }),
      deliverDueWebhooks({ instance: "instance-c", timeoutMs: 3000 }),
    ]);
    expect(a!.claimed + b!.claimed + c!.claimed).toBe(n);
    const ids = rx.received.map((x) => String(x.headers["x-oversight-delivery"]));
    expect(ids).toHaveLength(n);
    expect(new Set(ids).size).toBe(n);
    expect(await db().webhookDelivery.count({ where: { endpointId: ep.id, status: "delivered" } })).toBe(n);
    expect(await db().webhookAttempt.count({ where: { delivery: { endpointId: ep.id } } })).toBe(n);
  });
});
