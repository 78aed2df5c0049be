import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db";
import { getDecision } from "@/lib/server/oversight/read-decisions";
import { escalateDecision, reviewDecision } from "@/lib/server/oversight/review-decision";
import { actorFor, makeUser } from "@/lib/server/testing/factories";
import { allowCallbackHosts, codeOf, keyActor, makeSystem, reviewers, submit, systemKey } from "./helpers";

beforeAll(() => allowCallbackHosts("127.0.0.1"));
afterAll(() => allowCallbackHosts(""));

const approve = { verdict: "approve", rationale: "Income evidence checked; refusal is justified." };
const reject = { verdict: "reject", rationale: "Missed payments were bank errors." };

async function pending(rules: unknown[] = [{ when: {}, action: "review", approvals: 2, slaHours: 24 }], opts: { allowAdminReview?: boolean } = {}) {
  const s = await makeSystem({ rules, allowAdminReview: opts.allowAdminReview });
  const key = await systemKey(s.system.id);
  const d = await submit(key, { callbackUrl: "http://127.0.0.1:9/cb" });
  return { ...s, key, id: d.id };
}

describe("reviewing: permission matrix", () => {
  it.each(ROLES)("%s reviewing under a policy that does not allow admins", async (role) => {
    const { id } = await pending();
    const code = role === "reviewer" ? "ok" : await codeOf(reviewDecision(await actorFor(role), id, approve));
    if (role === "reviewer") expect((await reviewDecision(await actorFor(role), id, approve)).approvals).toBe(1);
    else expect(code).toBe("FORBIDDEN");
  });

  it.each(["admin", "compliance_officer"] as const)("%s may review when the policy allows admins", async (role) => {
    const { id } = await pending(undefined, { allowAdminReview: true });
    expect((await reviewDecision(await actorFor(role), id, approve)).approvals).toBe(1);
  });

  it("an AI system's key cannot review, even with a forged scope list", async () => {
    const { id, key } = await pending();
    const forged = { ...key, scopes: [...key.scopes, "decisions:review"] };
    expect(await codeOf(reviewDecision(forged, id, approve))).toBe("FORBIDDEN");
    expect(await db().decisionReview.count({ where: { decisionId: id } })).toBe(0);
  });

  it("a reviewer's key (scope decisions:review, bound to them) reviews under the same rules, recorded as via api", async () => {
    const { id } = await pending();
    const person = await makeUser({ role: "reviewer" });
    const k = await keyActor({ scopes: ["decisions:review"], userEmail: person.email });
    const view = await reviewDecision(k, id, approve, "api");
    expect(view.reviews).toEqual([expect.objectContaining({ reviewer: person.email, verdict: "approve" })]);
    expect(await codeOf(reviewDecision(k, id, approve, "api"))).toBe("CONFLICT");
    expect((await db().decisionReview.findFirst({ where: { decisionId: id } }))!.via).toBe("api");
  });
});

describe("four-eyes rules (EU AI Act Art. 14(4), GDPR Art. 22(3))", () => {
  it("a rationale is required", async () => {
    const { id } = await pending();
    const [r] = await reviewers(1);
    expect(await codeOf(reviewDecision(r!, id, { verdict: "approve", rationale: " " }))).toBe("VALIDATION");
    expect(await codeOf(reviewDecision(r!, id, { verdict: "approve" }))).toBe("VALIDATION");
    expect(await codeOf(reviewDecision(r!, id, { verdict: "override", rationale: "Different outcome" }))).toBe("VALIDATION");
  });

  it("M-of-N needs distinct people: one reviewer cannot approve twice", async () => {
    const { id } = await pending();
    const [a, b] = await reviewers(2);
    expect((await reviewDecision(a!, id, approve)).status).toBe("pending_review");
    expect(await codeOf(reviewDecision(a!, id, approve))).toBe("CONFLICT");
    expect((await getDecision(a!, id)).approvals).toBe(1);
    const done = await reviewDecision(b!, id, approve);
    expect(done).toMatchObject({ status: "approved", finalOutcome: "refuse", approvals: 2 });
    expect(done.decidedAt).not.toBeNull();
  });

  it("the person behind the submitting key cannot approve", async () => {
    const s = await makeSystem();
    const owner = await makeUser({ role: "reviewer" });
    const key = await keyActor({ scopes: ["decisions:write", "decisions:read"], aiSystemId: s.system.id, userEmail: owner.email });
    const d = await submit(key);
    const asOwner = { kind: "user" as const, userId: owner.id, email: owner.email, name: owner.name, role: "reviewer" as const, sessionId: null, ip: null, mfaEnrolmentRequired: false };
    expect(await codeOf(reviewDecision(asOwner, d.id, approve))).toBe("FORBIDDEN");
    expect(await codeOf(reviewDecision(asOwner, d.id, { verdict: "override", rationale: "I know better", overrideOutcome: "grant" }))).toBe("FORBIDDEN");
    const refused = await db().auditEvent.findMany({ where: { entityId: d.id, action: "oversight.decision.review.refused" } });
    expect(refused.map((e) => e.actorId)).toEqual([owner.id, owner.id]);
    expect(await db().decisionReview.count({ where: { decisionId: d.id } })).toBe(0);
  });

  it("whoever escalated by hand cannot approve; the escalation target can", async () => {
    const { id } = await pending([{ when: {}, action: "review", approvals: 1 }]);
    const [r] = await reviewers(1);
    await escalateDecision(r!, id, { reason: "Unusual income pattern, needs an officer." });
    expect(await codeOf(reviewDecision(r!, id, approve))).toBe("FORBIDDEN");
    expect((await reviewDecision(await actorFor("compliance_officer"), id, approve)).status).toBe("approved");
  });

  it("a reject from a required reviewer ends it as rejected unless the policy says otherwise", async () => {
    const { id } = await pending();
    const [a, b] = await reviewers(2);
    await reviewDecision(a!, id, approve);
    expect(await reviewDecision(b!, id, reject)).toMatchObject({ status: "rejected", finalOutcome: null });
    const lenient = await pending([{ when: {}, action: "review", approvals: 2, rejectEnds: false }]);
    const [c, e] = await reviewers(2);
    expect((await reviewDecision(c!, lenient.id, reject)).status).toBe("pending_review");
    expect((await reviewDecision(e!, lenient.id, reject)).status).toBe("rejected");
  });

  it("override sets the reviewer's outcome; request_info changes nothing", async () => {
    const { id } = await pending();
    const [a, b] = await reviewers(2);
    expect((await reviewDecision(a!, id, { verdict: "request_info", rationale: "Need the payslips." })).status).toBe("pending_review");
    expect(await reviewDecision(b!, id, { verdict: "override", rationale: "Payslips show sufficient income.", overrideOutcome: "grant" })).toMatchObject({ status: "overridden", finalOutcome: "grant" });
  });

  it("nothing changes after the terminal outcome: 409 carrying the outcome", async () => {
    const { id } = await pending([{ when: {}, action: "review", approvals: 1 }]);
    const [a, b] = await reviewers(2);
    await reviewDecision(a!, id, reject);
    try {
      await reviewDecision(b!, id, approve);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("CONFLICT");
      expect((e as AppError).details).toEqual({ status: "rejected", finalOutcome: null });
    }
    expect(await codeOf(escalateDecision(b!, id, { reason: "too late now" }))).toBe("CONFLICT");
    expect(await db().decisionReview.count({ where: { decisionId: id } })).toBe(1);
  });

  it("20 reviewers at the same moment: exactly one outcome, two approvals counted, the rest get 409", async () => {
    const { id } = await pending();
    const people = await reviewers(20);
    const results = await Promise.allSettled(people.map((p) => reviewDecision(p, id, approve)));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(2);
    for (const r of refused) expect((r.reason as AppError).code).toBe("CONFLICT");
    const d = await db().oversightDecision.findUniqueOrThrow({ where: { id } });
    expect(d).toMatchObject({ status: "approved", approvals: 2 });
    expect(await db().decisionReview.count({ where: { decisionId: id } })).toBe(2);
    expect(await db().callbackDelivery.count({ where: { decisionId: id } })).toBe(1);
    const events = await db().auditEvent.count({ where: { entityId: id, action: "oversight.decision.review.approve" } });
    expect(events).toBe(2);
  });

  it("20 mixed verdicts at once still end in exactly one terminal outcome", async () => {
    const { id } = await pending([{ when: {}, action: "review", approvals: 3 }]);
    const people = await reviewers(20);
    await Promise.allSettled(people.map((p, i) => reviewDecision(p, id, i % 3 === 0 ? reject : approve)));
    const d = await db().oversightDecision.findUniqueOrThrow({ where: { id } });
    expect(["approved", "rejected"]).toContain(d.status);
    const reviews = await db().decisionReview.findMany({ where: { decisionId: id } });
    const last = reviews.sort((x, y) => x.at.getTime() - y.at.getTime()).at(-1)!;
    expect(d.status === "rejected" ? last.verdict === "reject" : d.approvals === 3).toBe(true);
    expect(await db().callbackDelivery.count({ where: { decisionId: id } })).toBe(1);
  });
});
