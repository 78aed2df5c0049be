// Attack: an AI system's key names an internal address as its decision's callbackUrl and
// reads the delivery log to tell open, closed and filtered ports apart.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { deliverDueCallbacks, DELIVERY_FAILED, listCallbackDeliveries } from "@/lib/server/oversight/callbacks";
import { reviewDecision } from "@/lib/server/oversight/review-decision";
import { actorFor } from "@/lib/server/testing/factories";
import { allowCallbackHosts, codeOf, makeSystem, submit, systemKey } from "../oversight/helpers";

const INTERNAL = [
  "http://127.0.0.1:5432/",
  "https://127.0.0.1:5432/",
  "https://169.254.169.254/latest/meta-data/",
  "https://10.0.0.5/",
  "https://127.1/",
  "https://2130706433/",
  "https://0x7f.0.0.1/",
  "https://0177.0.0.1/",
  "https://[::1]:5432/",
  "https://[::ffff:127.0.0.1]/",
  "https://0.0.0.0:5432/",
  "https://100.64.0.1/",
  "https://[fd00:ec2::254]/",
  "https://localhost:5432/",
];

const approve = { verdict: "approve", rationale: "Checked the evidence." };
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(204).end());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => allowCallbackHosts(""));

async function decided(callbackUrl: string) {
  const { system } = await makeSystem({ rules: [{ when: {}, action: "review", approvals: 1 }] });
  const d = await submit(await systemKey(system.id), { callbackUrl });
  const reviewer = await actorFor("reviewer");
  await reviewDecision(reviewer, d.id, approve);
  return { id: d.id, reviewer };
}

describe("SSRF through decision callbacks", () => {
  it.each(INTERNAL)("refuses %s at submission with 422 naming callbackUrl", async (url) => {
    const { system } = await makeSystem();
    const key = await systemKey(system.id);
    await expect(submit(key, { callbackUrl: url })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/^callbackUrl must/), details: [{ path: "callbackUrl" }] });
  });

  it("a loopback receiver is refused without the allow list, and reached with it", async () => {
    const url = `http://127.0.0.1:${port}/hook`;
    const { system } = await makeSystem();
    expect(await codeOf(submit(await systemKey(system.id), { callbackUrl: url }))).toBe("VALIDATION");
    allowCallbackHosts("127.0.0.1");
    const { id, reviewer } = await decided(url);
    await deliverDueCallbacks({ now: new Date(Date.now() + 1000), timeoutMs: 2000 });
    expect((await listCallbackDeliveries(reviewer, id))[0]).toMatchObject({ status: "delivered" });
  });

  it("a host allowed at submission but no longer allowed at delivery is not called", async () => {
    allowCallbackHosts("127.0.0.1");
    const { id, reviewer } = await decided(`http://127.0.0.1:${port}/hook`);
    allowCallbackHosts("");
    await deliverDueCallbacks({ now: new Date(Date.now() + 1000), timeoutMs: 2000 });
    const [log] = await listCallbackDeliveries(reviewer, id);
    expect(log!.attempts).toEqual([expect.objectContaining({ statusCode: null, error: DELIVERY_FAILED, durationMs: null })]);
  });

  it("a name that resolves to loopback is refused at delivery (DNS checked every time)", async () => {
    // Submitted while allowed (a name passes submission); by delivery time it is not, and
    // the resolver's answer (127.0.0.1, ::1) is what gets refused.
    allowCallbackHosts("localhost");
    const { id, reviewer } = await decided(`http://localhost:${port}/hook`);
    allowCallbackHosts("");
    await deliverDueCallbacks({ now: new Date(Date.now() + 1000), timeoutMs: 2000 });
    expect((await listCallbackDeliveries(reviewer, id))[0]!.attempts[0]).toMatchObject({ error: DELIVERY_FAILED, statusCode: null });
  });

  it("the log says the same for a closed port, a filtered one and a refused target: no port-scan signal", async () => {
    allowCallbackHosts("127.0.0.1,192.0.2.1");
    const closed = await decided("http://127.0.0.1:9/closed");
    const filtered = await decided("http://192.0.2.1:81/filtered"); // TEST-NET: packets go nowhere, so it times out
    await deliverDueCallbacks({ now: new Date(Date.now() + 1000), timeoutMs: 1500 });
    const shapes = [];
    for (const d of [closed, filtered]) {
      const [log] = await listCallbackDeliveries(d.reviewer, d.id);
      const { at: _at, nextRetryAt: _next, ...shape } = log!.attempts[0]!;
      shapes.push(shape);
    }
    expect(shapes[0]).toEqual({ attempt: 1, statusCode: null, error: DELIVERY_FAILED, durationMs: null });
    expect(shapes[1]).toEqual(shapes[0]);
    const deliveries = await db().callbackDelivery.findMany({ where: { decisionId: { in: [closed.id, filtered.id] } }, select: { id: true } });
    const rows = await db().callbackAttempt.findMany({ where: { deliveryId: { in: deliveries.map((x) => x.id) } } });
    expect(rows.map((r) => r.durationMs)).toEqual([0, 0]);
  });
});
