import { describe, expect, it } from "vitest";
import { isRefusal, verdictOptions, waitingText } from "./review-wording";

const base = { requiredApprovals: 2, approvals: 0, rejections: 0, rejectEnds: true };
const label = (o: ReturnType<typeof verdictOptions>, v: string) => o.find((x) => x.value === v)!;

describe("verdictOptions", () => {
  it("names a proposed refusal's verdicts by what they do", () => {
    const o = verdictOptions({ ...base, proposedOutcome: "refuse" });
    expect(label(o, "approve").label).toBe("Confirm refusal");
    expect(label(o, "approve").hint).toContain("needs 1 more approval");
    expect(label(o, "override").label).toBe("Overturn: approve instead");
    expect(label(o, "reject").label).toBe("Send back: no refusal, no outcome");
    expect(label(o, "request_info").label).toBe("Ask for information");
  });

  it("asks to confirm only the verdicts that refuse the proposal, saying when it ends with no outcome", () => {
    const o = verdictOptions({ ...base, proposedOutcome: "grant" });
    expect(label(o, "approve")).toMatchObject({ label: "Approve “grant”", confirm: null });
    expect(label(o, "request_info").confirm).toBeNull();
    expect(label(o, "override").confirmLabel).toBe("Yes, overturn it");
    expect(label(o, "reject")).toMatchObject({ label: "Refuse “grant”, no outcome", confirmLabel: "Yes, end it with no outcome" });
    expect(label(o, "reject").confirm).toContain("no outcome (“none”)");
    const lenient = verdictOptions({ ...base, rejectEnds: false, proposedOutcome: "grant" });
    expect(label(lenient, "reject")).toMatchObject({ confirmLabel: "Yes, record my rejection" });
    expect(label(lenient, "reject").confirm).toContain("1 more rejection");
  });

  it("the last approval says the outcome it ends with", () => {
    expect(label(verdictOptions({ ...base, approvals: 1, proposedOutcome: "deny_claim" }), "approve").hint).toBe("Agree with the AI system; the decision ends with the outcome “deny_claim”.");
    expect(isRefusal("deny_claim")).toBe(true);
    expect(isRefusal("grant")).toBe(false);
  });
});

describe("waitingText", () => {
  it("says when you approved and how many approvals are still needed", () => {
    expect(waitingText({ verdict: "approve", at: "2026-12-03T08:45:10Z" }, { ...base, approvals: 1 })).toBe("You approved on 3 Dec 2026, 08:45 UTC; needs 1 more approval.");
    expect(waitingText({ verdict: "approve", at: "2026-12-03T08:45:10Z" }, { ...base, requiredApprovals: 3, approvals: 1 })).toBe("You approved on 3 Dec 2026, 08:45 UTC; needs 2 more approvals.");
    expect(waitingText({ verdict: "reject", at: "2026-01-05T17:02:00Z" }, { ...base, rejectEnds: false, rejections: 1 })).toBe("You rejected on 5 Jan 2026, 17:02 UTC; needs 1 more rejection to end it with no outcome, or 2 more approvals from others.");
  });
});
