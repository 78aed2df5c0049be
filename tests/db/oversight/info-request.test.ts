// "Ask for information" does something (issue 16): the question is recorded on the decision
// (an append-only review row that does not count towards the outcome), shown with it, and
// the AI system's owner is asked: by email (the owner when they are a user here, else whoever
// registered the system) and through webhooks subscribed to decision.info_requested.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { db } from "@/lib/server/db";
import { getDecision, getDecisionDetail } from "@/lib/server/oversight/read-decisions";
import { reviewDecision } from "@/lib/server/oversight/review-decision";
import { actorFor } from "@/lib/server/testing/factories";
import { createWebhook, deleteWebhook } from "@/lib/server/webhooks/endpoints";
import { allowCallbackHosts, makeSystem, submit, systemKey } from "./helpers";

const QUESTION = "Is the second missed payment the one the customer disputes?";
let admin: Awaited<ReturnType<typeof actorFor>>;
let endpointId = "";

beforeAll(async () => {
  allowCallbackHosts("127.0.0.1");
  admin = await actorFor("admin");
  endpointId = (await createWebhook(admin, { url: "http://127.0.0.1:9/info-hook", events: ["decision.info_requested"] })).id;
  // Email on, to a port nobody listens on: the test reads the outbox, nothing is delivered.
  Object.assign(process.env, { SMTP_URL: "smtp://127.0.0.1:9", MAIL_FROM: "Compliance <noreply@compliance.test.example>", APP_URL: "https://compliance.test.example" });
  resetEnvCache();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  delete process.env.APP_URL;
  resetEnvCache();
  await db().outboxMessage.deleteMany({ where: { kind: "decision_info_requested" } });
  await deleteWebhook(admin, endpointId);
  allowCallbackHosts("");
});

describe("request info", () => {
  it("records the question on the decision, changes nothing else, and asks the owner by email and webhook", async () => {
    const owner = await actorFor("compliance_officer");
    const { system } = await makeSystem({ rules: [{ when: {}, action: "review", approvals: 2, slaHours: 24 }], owner: owner.email });
    const d = await submit(await systemKey(system.id));
    const reviewer = await actorFor("reviewer");
    const view = await reviewDecision(reviewer, d.id, { verdict: "request_info", rationale: QUESTION });
    expect(view).toMatchObject({ status: "pending_review", approvals: 0 });

    const detail = await getDecisionDetail(reviewer, d.id);
    expect(detail.reviews).toEqual([expect.objectContaining({ reviewer: reviewer.email, verdict: "request_info", rationale: QUESTION })]);
    expect(detail.system.owner).toBe(owner.email);
    // The AI system reads the question through the API.
    expect((await getDecision(await systemKey(system.id), d.id)).reviews[0]).toMatchObject({ verdict: "request_info", rationale: QUESTION });

    const mail = await db().outboxMessage.findMany({ where: { kind: "decision_info_requested", userId: owner.userId } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.toAddress).toBe(owner.email);
    expect(mail[0]!.subject).toContain(system.name);

    const hooks = await db().webhookDelivery.findMany({ where: { endpointId, eventType: "decision.info_requested" } });
    const mine = hooks.map((h) => JSON.parse(h.body) as { data: Record<string, unknown> }).filter((b) => b.data.decisionId === d.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.data).toMatchObject({ aiSystemId: system.id, decisionType: "loan_refusal" });
    // Ids and times only: the free-text question stays behind the API.
    expect(JSON.stringify(mine[0])).not.toContain("disputes");

    // The same reviewer can still give a verdict afterwards: a question does not count.
    expect((await reviewDecision(reviewer, d.id, { verdict: "approve", rationale: "Answered by phone; refusal stands." })).approvals).toBe(1);
  });

  it("with a free-text owner, mails whoever registered the system", async () => {
    const { system, officer } = await makeSystem({ rules: [{ when: {}, action: "review", approvals: 1 }] });
    const d = await submit(await systemKey(system.id));
    await reviewDecision(await actorFor("reviewer"), d.id, { verdict: "request_info", rationale: QUESTION });
    const officerId = officer.kind === "user" ? officer.userId : "";
    expect(await db().outboxMessage.count({ where: { kind: "decision_info_requested", userId: officerId } })).toBe(1);
  });
});
