// The reviewer inbox under four-eyes (issue 16): a decision a reviewer has already given a
// verdict on waits for someone else. It is not offered to them again (no verdict form, not
// among the decisions to act on) but is to a second reviewer; the server still refuses a
// second verdict from the same person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDecisionDetail, listInbox } from "@/lib/server/oversight/read-decisions";
import { reviewDecision } from "@/lib/server/oversight/review-decision";
import { actorFor } from "@/lib/server/testing/factories";
import { allowCallbackHosts, codeOf, makeSystem, submit, systemKey } from "./helpers";

beforeAll(() => allowCallbackHosts("127.0.0.1"));
afterAll(() => allowCallbackHosts(""));

async function twoApprovals(extra: Record<string, unknown> = {}) {
  const { system } = await makeSystem({ rules: [{ when: {}, action: "review", approvals: 2, slaHours: 24, ...extra }] });
  const d = await submit(await systemKey(system.id));
  return { systemId: system.id, id: d.id };
}

const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe("inbox: waiting for others", () => {
  it("an approved decision waits for the second approver: not actionable for the first, actionable for the second", async () => {
    const { systemId, id } = await twoApprovals();
    const [first, second] = [await actorFor("reviewer"), await actorFor("reviewer")];
    expect(ids((await listInbox(first, { system: systemId })).items)).toContain(id);
    expect((await getDecisionDetail(first, id)).myVerdict).toBeNull();

    await reviewDecision(first, id, { verdict: "approve", rationale: "Bureau data confirms the missed payments." });

    const mine = await listInbox(first, { system: systemId });
    expect(ids(mine.items)).not.toContain(id);
    expect(mine.total).toBe(0);
    expect(mine.waiting).toHaveLength(1);
    expect(mine.waiting[0]).toMatchObject({ id, approvals: 1, requiredApprovals: 2, myVerdict: { verdict: "approve" } });
    const detail = await getDecisionDetail(first, id);
    expect(detail.status).toBe("pending_review");
    expect(detail.myVerdict).toMatchObject({ verdict: "approve" });
    expect(Date.parse(detail.myVerdict!.at)).toBeGreaterThan(Date.now() - 60_000);
    // The server keeps refusing a second verdict from the same person, whatever the verdict.
    expect(await codeOf(reviewDecision(first, id, { verdict: "approve", rationale: "Again." }))).toBe("CONFLICT");
    expect(await codeOf(reviewDecision(first, id, { verdict: "reject", rationale: "Changed my mind." }))).toBe("CONFLICT");

    const theirs = await listInbox(second, { system: systemId });
    expect(ids(theirs.items)).toContain(id);
    expect(theirs.waiting).toEqual([]);
    expect((await getDecisionDetail(second, id)).myVerdict).toBeNull();
    const done = await reviewDecision(second, id, { verdict: "approve", rationale: "Agree with the first reviewer." });
    expect(done).toMatchObject({ status: "approved", finalOutcome: "refuse" });
    // Decided: it leaves both lists.
    const after = await listInbox(first, { system: systemId });
    expect(ids(after.items)).not.toContain(id);
    expect(ids(after.waiting)).not.toContain(id);
  });

  it("a rejection that does not end the decision waits too; asking for information does not", async () => {
    const { systemId, id } = await twoApprovals({ rejectEnds: false });
    const [rejecter, asker] = [await actorFor("reviewer"), await actorFor("reviewer")];
    await reviewDecision(rejecter, id, { verdict: "reject", rationale: "Missed payments look like bank errors." });
    expect((await listInbox(rejecter, { system: systemId })).waiting.map((w) => [w.id, w.myVerdict.verdict])).toEqual([[id, "reject"]]);
    await reviewDecision(asker, id, { verdict: "request_info", rationale: "Is the second missed payment disputed?" });
    const asked = await listInbox(asker, { system: systemId });
    expect(ids(asked.items)).toContain(id);
    expect(asked.waiting).toEqual([]);
    expect((await getDecisionDetail(asker, id)).myVerdict).toBeNull();
  });
});
