import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { deliverDueCallbacks, listCallbackDeliveries } from "@/lib/server/oversight/callbacks";
import { getOversightMetrics } from "@/lib/server/oversight/metrics";
import { getDecision } from "@/lib/server/oversight/read-decisions";
import { createAiSystem, approveModelVersion, createModelVersion } from "@/lib/server/oversight/registry";
import { putEscalationPolicy } from "@/lib/server/oversight/policy";
import { reviewDecision } from "@/lib/server/oversight/review-decision";
import { runSlaSweep } from "@/lib/server/oversight/sla";
import { actorFor } from "@/lib/server/testing/factories";
import { allowCallbackHosts, codeOf, makeSystem, reviewers, sha, submit, systemKey, uid } from "./helpers";

beforeAll(() => allowCallbackHosts("127.0.0.1"));
afterAll(() => allowCallbackHosts(""));

const HOUR = 3_600_000;
const approve = { verdict: "approve", rationale: "Checked the evidence." };

describe("SLA job: escalates or expires, never approves (EU AI Act Art. 14)", () => {
  it("expire: an overdue decision ends as expired with no outcome, audited by the job", async () => {
    const { system } = await makeSystem({ rules: [{ when: {}, action: "review", slaHours: 1, onTimeout: "expire" }] });
    const d = await submit(await systemKey(system.id));
    expect((await runSlaSweep(new Date(Date.now() + 0.5 * HOUR)))?.result.changed ?? 0).toBe(0);
    expect((await db().oversightDecision.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("pending_review");
    await runSlaSweep(new Date(Date.now() + 2 * HOUR));
    const row = await db().oversightDecision.findUniqueOrThrow({ where: { id: d.id } });
    expect(row).toMatchObject({ status: "expired", finalOutcome: null });
    expect(row.slaBreachedAt).not.toBeNull();
    const ev = await db().auditEvent.findFirstOrThrow({ where: { entityId: d.id, action: "oversight.decision.sla-expire" } });
    expect(ev.actorLabel).toBe("system:oversight.sla");
    const [r] = await reviewers(1);
    expect(await codeOf(reviewDecision(r!, d.id, approve))).toBe("CONFLICT");
  });

  it("escalate: first timeout escalates to the named role with a new SLA; the second expires", async () => {
    const { system } = await makeSystem({ rules: [{ when: {}, action: "review", slaHours: 1, onTimeout: "escalate", escalateTo: "admin" }] });
    const d = await submit(await systemKey(system.id));
    const t1 = new Date(Date.now() + 1.5 * HOUR);
    await runSlaSweep(t1);
    const row = await db().oversightDecision.findUniqueOrThrow({ where: { id: d.id } });
    expect(row).toMatchObject({ status: "escalated", escalateTo: "admin", finalOutcome: null });
    expect(row.dueAt!.getTime()).toBe(t1.getTime() + HOUR);
    // The escalation target may now review even though the policy does not allow admins.
    const admin = await actorFor("admin");
    expect((await getDecision(admin, d.id)).status).toBe("escalated");
    await runSlaSweep(new Date(t1.getTime() + 2 * HOUR));
    expect((await db().oversightDecision.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("expired");
  });

  it("an approved decision is never touched by the job, and a held lease makes the job skip", async () => {
    const { system } = await makeSystem({ rules: [{ when: {}, action: "review", slaHours: 1 }] });
    const d = await submit(await systemKey(system.id));
    const [r] = await reviewers(1);
    await reviewDecision(r!, d.id, approve);
    await runSlaSweep(new Date(Date.now() + 5 * HOUR));
    expect((await db().oversightDecision.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("approved");
    await db().jobLease.update({ where: { name: "oversight.sla" }, data: { owner: "other-instance", leasedUntil: new Date(Date.now() + 60_000) } });
    expect(await runSlaSweep()).toBeNull();
    await db().jobLease.update({ where: { name: "oversight.sla" }, data: { leasedUntil: new Date(0) } });
  });

  it("reading an overdue decision through the API applies its timeout first", async () => {
    const { system } = await makeSystem({ rules: [{ when: {}, action: "review", slaHours: 0.0001 }] });
    const key = await systemKey(system.id);
    const d = await submit(key);
    await new Promise((r) => setTimeout(r, 500));
    expect((await getDecision(key, d.id)).status).toBe("expired");
  });
});

describe("signed callbacks delivered by a job, with retries and a log", () => {
  let server: Server;
  let base = "";
  const received: { headers: IncomingMessage["headers"]; body: string }[] = [];
  let failNext = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end("busy");
        } else res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("signs HMAC-SHA-256 over timestamp.body with the system's secret; retries with backoff until delivered", async () => {
    const o = await actorFor("compliance_officer");
    const sys = await createAiSystem(o, { name: uid("Hiring"), purpose: "CV screening", riskTier: "high" });
    const v = await createModelVersion(o, sys.id, { version: "v1", artifactSha256: sha() });
    await approveModelVersion(o, sys.id, v.id);
    await putEscalationPolicy(o, sys.id, { rules: [{ when: {}, action: "review", approvals: 1 }] });
    const key = await systemKey(sys.id);
    const d = await submit(key, { callbackUrl: `${base}/hook`, decisionType: "hiring_rejection" });
    const [r] = await reviewers(1);
    await reviewDecision(r!, d.id, approve);

    failNext = 1;
    received.length = 0;
    const t0 = new Date();
    const attempts = async () => (await db().callbackDelivery.findUniqueOrThrow({ where: { decisionId: d.id } })).attempts;
    await deliverDueCallbacks({ now: t0, baseBackoffMs: 1000, timeoutMs: 2000 });
    expect(await attempts()).toBe(1);
    // Not due again before its backoff has passed.
    await deliverDueCallbacks({ now: new Date(t0.getTime() + 500), baseBackoffMs: 1000, timeoutMs: 2000 });
    expect(await attempts()).toBe(1);
    await deliverDueCallbacks({ now: new Date(t0.getTime() + 1500), baseBackoffMs: 1000, timeoutMs: 2000 });
    expect(await attempts()).toBe(2);
    expect(received).toHaveLength(2);

    // An independent verification of the documented scheme.
    const last = received.at(-1)!;
    const ts = String(last.headers["x-oversight-timestamp"]);
    const expected = `v1=${createHmac("sha256", sys.callbackSecret).update(`${ts}.${last.body}`).digest("hex")}`;
    expect(last.headers["x-oversight-signature"]).toBe(expected);
    expect(Math.abs(Date.now() / 1000 - Number(ts))).toBeLessThan(300);
    expect(JSON.parse(last.body)).toMatchObject({ event: "decision.outcome", decision: { id: d.id, status: "approved", finalOutcome: "refuse" } });

    const log = await listCallbackDeliveries(r!, d.id);
    expect(log[0]).toMatchObject({ status: "delivered" });
    expect(log[0]!.attempts.map((a) => [a.attempt, a.statusCode])).toEqual([[1, 503], [2, 204]]);
    expect(log[0]!.attempts[0]!.nextRetryAt).not.toBeNull();
    // Delivered once: the job does not send it again.
    await deliverDueCallbacks({ now: new Date(t0.getTime() + 60_000), timeoutMs: 2000 });
    expect(received).toHaveLength(2);
    expect(await attempts()).toBe(2);
  });

  it("an expired decision's callback is sent too; an unreachable receiver is retried, never silently dropped", async () => {
    const { system } = await makeSystem({ rules: [{ when: {}, action: "review", slaHours: 1 }] });
    const d = await submit(await systemKey(system.id), { callbackUrl: "http://127.0.0.1:9/closed" });
    await runSlaSweep(new Date(Date.now() + 2 * HOUR));
    await deliverDueCallbacks({ now: new Date(Date.now() + 2 * HOUR), baseBackoffMs: 1000, timeoutMs: 2000 });
    const delivery = await db().callbackDelivery.findUniqueOrThrow({ where: { decisionId: d.id } });
    expect(delivery).toMatchObject({ status: "pending", attempts: 1 });
    expect(JSON.parse(delivery.body).decision.status).toBe("expired");
  });
});

describe("oversight metrics", () => {
  it("counts what happened: escalation share, breaches and override rate per model version", async () => {
    const { system } = await makeSystem({ rules: [{ when: { impact: "low" }, action: "auto_accept" }, { when: {}, action: "review", slaHours: 1 }] });
    const key = await systemKey(system.id);
    await submit(key, { impact: "low" });
    const d = await submit(key);
    const [r] = await reviewers(1);
    await reviewDecision(r!, d.id, { verdict: "override", rationale: "Wrong call", overrideOutcome: "grant" });
    const m = await getOversightMetrics(r!);
    const mine = m.overrideRate.find((x) => x.model === `${system.name} v1`);
    expect(mine).toMatchObject({ decided: 1, overridden: 1, rate: 1 });
    expect(m.total).toBeGreaterThanOrEqual(2);
    expect(m.perDay).toHaveLength(30);
  });
});
