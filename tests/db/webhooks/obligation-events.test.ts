// obligation.due_soon / obligation.overdue come from the due scanner: once per deadline and
// kind, even with scanners racing (several instances), delivered signed to a real receiver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { deliverDueWebhooks } from "@/lib/server/webhooks/deliver";
import { runObligationWebhooks } from "@/lib/server/webhooks/due-obligations";
import { createWebhook, deleteWebhook } from "@/lib/server/webhooks/endpoints";
import { actorFor } from "@/lib/server/testing/factories";
import { allowCallbackHosts } from "../oversight/helpers";
import { startReceiver, verifiedIndependently } from "./receiver";
import { obligationDueIn } from "../breaches/obligation-fixture";

let rx: Awaited<ReturnType<typeof startReceiver>>;
let admin: Awaited<ReturnType<typeof actorFor>>;
let endpointId = "";
let secret = "";

beforeAll(async () => {
  allowCallbackHosts("127.0.0.1");
  rx = await startReceiver();
  admin = await actorFor("admin");
  const ep = await createWebhook(admin, { url: rx.url, events: ["obligation.due_soon", "obligation.overdue"] });
  endpointId = ep.id;
  secret = ep.secret;
});
afterAll(async () => {
  await deleteWebhook(admin, endpointId).catch(() => undefined);
  allowCallbackHosts("");
  await rx.close();
});


const mine = (obligationId: string) => db().webhookDelivery.findMany({ where: { endpointId, body: { contains: obligationId } } });

describe("obligation webhooks from the due scanner", () => {
  it("announces a notice due within 24 h once, and again once when it is overdue; far deadlines wait", async () => {
    const soon = await obligationDueIn(3 * 3_600_000);
    const far = await obligationDueIn(72 * 3_600_000);
    await runObligationWebhooks();
    await runObligationWebhooks();
    expect((await mine(soon.o.id)).map((d) => d.eventType)).toEqual(["obligation.due_soon"]);
    expect(await mine(far.o.id)).toHaveLength(0);
    // Four hours later the deadline has passed.
    await runObligationWebhooks({ now: new Date(Date.now() + 4 * 3_600_000) });
    expect((await mine(soon.o.id)).map((d) => d.eventType).sort()).toEqual(["obligation.due_soon", "obligation.overdue"]);
    // Sent, it is no longer announced.
    await db().breachObligation.update({ where: { id: far.o.id }, data: { status: "sent", sentAt: new Date() } });
    await runObligationWebhooks({ now: new Date(Date.now() + 73 * 3_600_000) });
    expect(await mine(far.o.id)).toHaveLength(0);
  });

  it("scanners racing on several instances announce each deadline once", async () => {
    const late = await obligationDueIn(-3_600_000);
    await Promise.all(Array.from({ length: 5 }, () => runObligationWebhooks()));
    expect((await mine(late.o.id)).map((d) => d.eventType)).toEqual(["obligation.overdue"]);
  });

  it("is delivered signed, with the reference and no personal data from the incident title", async () => {
    const { incident, o } = await obligationDueIn(2 * 3_600_000);
    await runObligationWebhooks();
    const [row] = await mine(o.id);
    // Other files' deadlines may be queued too: deliver until ours has gone.
    for (let i = 0; i < 50 && !rx.received.some((x) => x.headers["x-oversight-delivery"] === row!.id); i++) await deliverDueWebhooks({ timeoutMs: 3000 });
    const got = rx.received.find((x) => x.headers["x-oversight-delivery"] === row!.id)!;
    expect(got).toBeDefined();
    expect(verifiedIndependently(secret, got)).toBe(true);
    expect(JSON.parse(got.body)).toMatchObject({ type: "obligation.due_soon", data: { obligationId: o.id, incidentId: incident.id, incidentReference: incident.reference, regulation: "GDPR" } });
    expect(got.body).not.toContain("Jane Roe");
  });
});
