import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/permissions";
import { withIdempotency } from "@/lib/server/api/idempotency";
import { db } from "@/lib/server/db";
import { createModelVersion, retireModelVersion } from "@/lib/server/oversight/registry";
import { getDecision, getDecisionDetail, listInbox, revealDecisionInputs } from "@/lib/server/oversight/read-decisions";
import { submitDecision } from "@/lib/server/oversight/submit-decision";
import { actorFor } from "@/lib/server/testing/factories";
import { codeOf, decisionBody, keyActor, makeSystem, sha, submit, systemKey } from "./helpers";

const POLICY = [
  { when: { decisionType: "loan_refusal", amountAbove: 50000 }, action: "review", approvals: 2, slaHours: 4, onTimeout: "escalate" },
  { when: { impact: "low" }, action: "auto_accept" },
  { when: { confidenceBelow: 0.7 }, action: "review", approvals: 1, slaHours: 8 },
];

describe("submitting decisions (EU AI Act Art. 14, GDPR Art. 22(3))", () => {
  it("routes by the policy: first matching rule wins, no match means one approval", async () => {
    const { system } = await makeSystem({ rules: POLICY });
    const key = await systemKey(system.id);
    const t0 = Date.now();
    const big = await submit(key, { amount: 60000 });
    expect(big).toMatchObject({ status: "pending_review", requiredApprovals: 2 });
    expect(new Date(big.dueAt!).getTime() - t0).toBeGreaterThanOrEqual(4 * 3_600_000 - 5000);
    const low = await submit(key, { impact: "low", confidence: 0.99 });
    expect(low).toEqual({ id: low.id, status: "auto_accepted", requiredApprovals: 0, dueAt: null });
    expect((await getDecision(key, low.id)).finalOutcome).toBe("refuse");
    const unsure = await submit(key, { confidence: 0.5 });
    expect(unsure.requiredApprovals).toBe(1);
    const none = await submit(key, { confidence: 0.95, impact: "high" });
    expect(none).toMatchObject({ status: "pending_review", requiredApprovals: 1 });
    expect((await db().oversightDecision.findUnique({ where: { id: none.id } }))!.ruleIndex).toBeNull();
  });

  it("only an approved, non-retired version of the key's own system may decide", async () => {
    const { system, officer, versionId } = await makeSystem();
    const key = await systemKey(system.id);
    await createModelVersion(officer, system.id, { version: "v2-draft", artifactSha256: sha() });
    expect(await codeOf(submit(key, { modelVersion: "v2-draft" }))).toBe("VALIDATION");
    expect(await codeOf(submit(key, { modelVersion: "v404" }))).toBe("VALIDATION");
    await retireModelVersion(officer, system.id, versionId);
    expect(await codeOf(submit(key, {}))).toBe("VALIDATION");
    expect(await db().oversightDecision.count({ where: { aiSystemId: system.id } })).toBe(0);
  });

  it("refuses bad input, people, and keys not bound to a system", async () => {
    const { system } = await makeSystem();
    const key = await systemKey(system.id);
    expect(await codeOf(submit(key, { confidence: 1.5 }))).toBe("VALIDATION");
    expect(await codeOf(submit(key, { summary: "" }))).toBe("VALIDATION");
    expect(await codeOf(submit(key, { callbackUrl: "http://169.254.169.254/latest" }))).toBe("VALIDATION");
    expect(await codeOf(submit(key, { callbackUrl: "https://user:pw@example.org/cb" }))).toBe("VALIDATION");
    for (const role of ROLES) expect(await codeOf(submitDecision(await actorFor(role), decisionBody()))).toBe("FORBIDDEN");
    const readOnly = await keyActor({ scopes: ["decisions:read"], aiSystemId: system.id });
    expect(await codeOf(submitDecision(readOnly, decisionBody()))).toBe("FORBIDDEN");
  });

  it("a prohibited-practice system cannot submit (AI Act Art. 5)", async () => {
    const { system } = await makeSystem({ riskTier: "prohibited" });
    expect(await codeOf(submit(await systemKey(system.id)))).toBe("CONFLICT");
  });

  it("is idempotent per key: same Idempotency-Key and body -> same decision; other body -> 409; same externalId without key -> 409", async () => {
    const { system } = await makeSystem();
    const key = await systemKey(system.id);
    const body = decisionBody();
    const call = (b: unknown) => withIdempotency(`${key.keyId}:POST /api/v1/decisions`, "idem-1", b, (transact) => submitDecision(key, b, transact), (decision) => ({ status: 201, body: decision }));
    const first = await call(body);
    const again = await call(body);
    expect(again.replayed).toBe(true);
    expect(again.body).toEqual(first.body);
    expect(await codeOf(call({ ...body, confidence: 0.1 }))).toBe("CONFLICT");
    expect(await codeOf(submitDecision(key, body))).toBe("CONFLICT");
    expect(await db().oversightDecision.count({ where: { aiSystemId: system.id } })).toBe(1);
  });

  it("concurrent submissions of one externalId create exactly one decision", async () => {
    const { system } = await makeSystem();
    const key = await systemKey(system.id);
    const body = decisionBody();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => submitDecision(key, body)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().oversightDecision.count({ where: { aiSystemId: system.id } })).toBe(1);
  });
});

describe("reading decisions: system binding, encryption, audited reveal", () => {
  it("a key bound to one system can neither read nor review another system's decisions", async () => {
    const a = await makeSystem();
    const b = await makeSystem();
    const keyA = await systemKey(a.system.id);
    const keyB = await systemKey(b.system.id);
    const d = await submit(keyA);
    expect((await getDecision(keyA, d.id)).id).toBe(d.id);
    expect(await codeOf(getDecision(keyB, d.id))).toBe("NOT_FOUND");
    expect(await codeOf(getDecisionDetail(keyB, d.id))).toBe("NOT_FOUND");
    expect((await listInbox(keyB, {})).items.some((i) => i.id === d.id)).toBe(false);
    // B's key cannot submit "for A": the body cannot name a system, and A's version is not B's.
    await createModelVersion(a.officer, a.system.id, { version: "a-only", artifactSha256: sha() });
    expect(await codeOf(submit(keyB, { modelVersion: "a-only" }))).toBe("VALIDATION");
    expect(await db().oversightDecision.count({ where: { aiSystemId: b.system.id } })).toBe(0);
  });

  it("inputs and the subject reference are encrypted at rest; revealing them is audited and limited to decision:reveal", async () => {
    const { system } = await makeSystem();
    const d = await submit(await systemKey(system.id), { subjectRef: "customer-99881", inputs: { income: 123456 } });
    const raw = await db().oversightDecision.findUniqueOrThrow({ where: { id: d.id } });
    expect(raw.inputsEnc).not.toContain("123456");
    expect(raw.subjectRefEnc).not.toContain("99881");
    const reviewer = await actorFor("reviewer");
    const detail = await getDecisionDetail(reviewer, d.id);
    expect(JSON.stringify(detail)).not.toContain("123456");
    expect(await revealDecisionInputs(reviewer, d.id)).toEqual({ inputs: { income: 123456 }, subjectRef: "customer-99881" });
    const audit = await db().auditEvent.findMany({ where: { action: "oversight.decision.reveal", entityId: d.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(reviewer.userId);
    expect(await codeOf(revealDecisionInputs(await actorFor("auditor"), d.id))).toBe("FORBIDDEN");
  });

  it("the inbox lists open decisions by due time, filters, and paginates in the database", async () => {
    const { system } = await makeSystem({ rules: [{ when: { impact: "critical" }, action: "review", slaHours: 1 }, { when: {}, action: "review", slaHours: 48 }] });
    const key = await systemKey(system.id);
    const later = await submit(key, { impact: "medium" });
    const sooner = await submit(key, { impact: "critical", decisionType: "diagnosis_flag" });
    const reviewer = await actorFor("reviewer");
    const page = await listInbox(reviewer, { system: system.id });
    expect(page.items.map((i) => i.id)).toEqual([sooner.id, later.id]);
    expect((await listInbox(reviewer, { system: system.id, impact: "critical" })).items.map((i) => i.id)).toEqual([sooner.id]);
    expect((await listInbox(reviewer, { system: system.id, type: "diagnosis_flag" })).total).toBe(1);
    expect((await listInbox(reviewer, { system: system.id, overdue: "1" })).total).toBe(0);
    const p2 = await listInbox(reviewer, { system: system.id, pageSize: 1, page: 2 });
    expect(p2).toMatchObject({ total: 2, pages: 2 });
    expect(p2.items.map((i) => i.id)).toEqual([later.id]);
    expect(await codeOf(listInbox(reviewer, { pageSize: 10000 }))).toBe("VALIDATION");
  });

  it("the inbox stays fast with thousands pending (server-side pagination and the status/due index)", async () => {
    const { system, versionId } = await makeSystem();
    // A load fixture, inserted in bulk: 3,000 submissions through the API path would
    // test the audit chain's speed, not the inbox's.
    const now = Date.now();
    await db().oversightDecision.createMany({
      data: Array.from({ length: 3000 }, (_, i) => ({
        aiSystemId: system.id, modelVersionId: versionId, modelVersionLabel: "v1", externalId: `bulk-${i}`, decisionType: i % 2 ? "loan_refusal" : "fraud_flag",
        proposedOutcome: "refuse", confidence: 0.5, summary: "bulk", ruleJson: "{}", requiredApprovals: 1, status: "pending_review", dueAt: new Date(now + 30 * 86_400_000 + (i % 500) * 60_000), // far out, so the SLA tests never sweep them
      })),
    });
    const reviewer = await actorFor("reviewer");
    const t0 = performance.now();
    const page = await listInbox(reviewer, { system: system.id, page: 40, pageSize: 25 });
    const took = performance.now() - t0;
    expect(page.total).toBe(3000);
    expect(page.items).toHaveLength(25);
    expect(page.items.every((x, i, a) => i === 0 || a[i - 1]!.dueAt! <= x.dueAt!)).toBe(true);
    expect(took).toBeLessThan(2000);
  });
});
