// The events wired in this branch are written at their write points, in the same
// transaction, with the documented payloads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { escalateDecision, reviewDecision } from "@/lib/server/oversight/review-decision";
import { runSlaSweep } from "@/lib/server/oversight/sla";
import { runControlTests } from "@/lib/server/posture/run-control-tests";
import { seedControlCatalogue } from "@/lib/server/posture/seed-catalogue";
import { actorFor } from "@/lib/server/testing/factories";
import { createWebhook, deleteWebhook } from "@/lib/server/webhooks/endpoints";
import { allowCallbackHosts, makeSystem, reviewers, submit, systemKey } from "../oversight/helpers";

let endpointId = "";
let admin: Awaited<ReturnType<typeof actorFor>>;
beforeAll(async () => {
  allowCallbackHosts("127.0.0.1");
  admin = await actorFor("admin");
  endpointId = (await createWebhook(admin, { url: "http://127.0.0.1:9/hook", events: ["decision.escalated", "decision.decided", "control.failed"] })).id;
});
afterAll(async () => {
  await deleteWebhook(admin, endpointId);
  allowCallbackHosts("");
});

async function events(type: string) {
  const rows = await db().webhookDelivery.findMany({ where: { endpointId, eventType: type }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => JSON.parse(r.body) as { id: string; type: string; data: Record<string, unknown> });
}

describe("wired webhook events", () => {
  it("decision.escalated by hand, then decision.decided when the escalation target approves", async () => {
    const { system } = await makeSystem({ rules: [{ when: {}, action: "review", approvals: 1 }] });
    const d = await submit(await systemKey(system.id));
    const [r] = await reviewers(1);
    await escalateDecision(r!, d.id, { reason: "Needs an officer's eye" });
    const esc = (await events("decision.escalated")).filter((e) => e.data.decisionId === d.id);
    expect(esc).toHaveLength(1);
    expect(esc[0]!.data).toMatchObject({ aiSystemId: system.id, decisionType: "loan_refusal", reason: "manual", escalateTo: "compliance_officer" });
    await reviewDecision(await actorFor("compliance_officer"), d.id, { verdict: "approve", rationale: "Checked the evidence." });
    const decided = (await events("decision.decided")).filter((e) => e.data.decisionId === d.id);
    expect(decided).toHaveLength(1);
    expect(decided[0]!.data).toMatchObject({ status: "approved", finalOutcome: "refuse" });
    // No subject reference or inputs travel.
    expect(JSON.stringify(decided)).not.toContain("customer-4711");
  });

  it("decision.escalated by the SLA job", async () => {
    const { system } = await makeSystem({ rules: [{ when: {}, action: "review", slaHours: 1, onTimeout: "escalate", escalateTo: "admin" }] });
    const d = await submit(await systemKey(system.id));
    await runSlaSweep(new Date(Date.now() + 2 * 3_600_000));
    const esc = (await events("decision.escalated")).filter((e) => e.data.decisionId === d.id);
    expect(esc.map((e) => e.data)).toEqual([expect.objectContaining({ reason: "sla", escalateTo: "admin" })]);
  });

  it("control.failed once when a control's automated test turns failing, not on every failing run", async () => {
    await seedControlCatalogue(SYSTEM_CLI);
    await actorFor("admin"); // an admin without MFA: SEC-MFA fails
    await db().control.update({ where: { id: "SEC-MFA" }, data: { testStatus: null } });
    const officer = await actorFor("compliance_officer");
    await runControlTests(officer);
    const first = (await events("control.failed")).filter((e) => e.data.controlId === "SEC-MFA");
    expect(first).toHaveLength(1);
    expect(first[0]!.data.failingRecords).toBeGreaterThan(0);
    await runControlTests(officer);
    expect((await events("control.failed")).filter((e) => e.data.controlId === "SEC-MFA")).toHaveLength(1);
  });
});
