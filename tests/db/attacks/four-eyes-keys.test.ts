// Attack: an admin mints decisions:review keys bound to two reviewers and approves a
// 2-of-N decision alone, with the reviewers recorded as the approvers.
import { describe, expect, it } from "vitest";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate-api-key";
import { createApiKey, createOwnApiKey } from "@/lib/server/api-keys/create-api-key";
import { db } from "@/lib/server/db";
import { getDecision } from "@/lib/server/oversight/read-decisions";
import { reviewDecision } from "@/lib/server/oversight/review-decision";
import { actorFor } from "@/lib/server/testing/factories";
import { codeOf, makeSystem, reviewers, submit, systemKey, uid } from "../oversight/helpers";

const approve = { verdict: "approve", rationale: "Evidence checked, refusal justified." };

async function twoOfN() {
  const { system, officer } = await makeSystem({ rules: [{ when: {}, action: "review", approvals: 2, slaHours: 24 }] });
  const d = await submit(await systemKey(system.id));
  return { id: d.id, officer };
}

const asActor = async (key: string) => authenticateApiKey(key, "198.51.100.20");

describe("separation of duties for bound API keys", () => {
  it("an admin cannot mint a key bound to someone else", async () => {
    const admin = await actorFor("admin");
    const [r1] = await reviewers(1);
    await expect(createApiKey(admin, { name: uid("k"), scopes: ["decisions:review"], userEmail: r1!.email })).rejects.toMatchObject({ code: "VALIDATION", details: [{ path: "userEmail" }] });
    expect(await db().apiKey.count({ where: { userId: r1!.userId } })).toBe(0);
    // Their own key is fine.
    await expect(createApiKey(admin, { name: uid("k"), scopes: ["audit:read"], userEmail: admin.email })).resolves.toMatchObject({ scopes: ["audit:read"] });
  });

  it("keys minted for two reviewers by someone else (the shell, or an admin before this rule) cannot approve", async () => {
    const { id } = await twoOfN();
    const [r1, r2] = await reviewers(2);
    const admin = await actorFor("admin");
    const k1 = await createApiKey(SYSTEM_CLI, { name: uid("k"), scopes: ["decisions:review"], userEmail: r1!.email });
    const k2 = await createApiKey(SYSTEM_CLI, { name: uid("k"), scopes: ["decisions:review"], userEmail: r2!.email });
    // A key an admin minted under the old rule.
    await db().apiKey.update({ where: { id: k2.id }, data: { createdById: admin.userId } });
    expect(await codeOf(reviewDecision(await asActor(k1.key), id, approve))).toBe("FORBIDDEN");
    expect(await codeOf(reviewDecision(await asActor(k2.key), id, approve))).toBe("FORBIDDEN");
    const d = await getDecision(r1!, id);
    expect(d).toMatchObject({ status: "pending_review", approvals: 0, reviews: [] });
    expect(await db().auditEvent.count({ where: { action: "oversight.decision.review.refused", entityId: id } })).toBe(2);
    // Asking for information is not a verdict and stays possible.
    await expect(reviewDecision(await asActor(k1.key), id, { verdict: "request_info", rationale: "Need the payslips." })).resolves.toMatchObject({ status: "pending_review" });
  });

  it("keys the reviewers created themselves count, once per person", async () => {
    const { id } = await twoOfN();
    const [r1, r2] = await reviewers(2);
    const k1 = await createOwnApiKey(r1!, { name: uid("k"), scopes: ["decisions:review"] });
    const k2 = await createOwnApiKey(r2!, { name: uid("k"), scopes: ["decisions:review"] });
    await reviewDecision(await asActor(k1.key), id, approve);
    expect(await codeOf(reviewDecision(r1!, id, approve))).toBe("CONFLICT"); // the same human through the UI
    const done = await reviewDecision(await asActor(k2.key), id, approve);
    expect(done).toMatchObject({ status: "approved", approvals: 2 });
    expect(done.reviews.map((r) => r.reviewer).sort()).toEqual([r1!.email, r2!.email].sort());
  });

  it("a personal key is always bound to its creator and cannot name an AI system", async () => {
    const [r1] = await reviewers(1);
    const k = await createOwnApiKey(r1!, { name: uid("k"), scopes: ["decisions:review"], userEmail: "someone-else@test.local" });
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: k.id } })).userId).toBe(r1!.userId);
    const { system } = await makeSystem();
    expect(await codeOf(createOwnApiKey(r1!, { name: uid("k"), scopes: ["decisions:read"], aiSystemId: system.id }))).toBe("VALIDATION");
    expect(await codeOf(createOwnApiKey(SYSTEM_CLI, { name: uid("k"), scopes: ["audit:read"] }))).toBe("FORBIDDEN");
  });
});
