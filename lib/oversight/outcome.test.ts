import { describe, expect, it } from "vitest";
import { applyVerdict, timeoutTransition, type DecisionState } from "@/lib/oversight/outcome";

const base: DecisionState = { status: "pending_review", requiredApprovals: 2, approvals: 0, rejections: 0, rejectEnds: true, proposedOutcome: "refuse", onTimeout: "expire" };

describe("decision outcomes (four-eyes, EU AI Act Art. 14(4)(d))", () => {
  it.each([
    ["first of two approvals keeps it open", base, "approve", "pending_review", false, null],
    ["second approval approves the proposed outcome", { ...base, approvals: 1 }, "approve", "approved", true, "refuse"],
    ["one reject ends it as rejected by default", { ...base, approvals: 1 }, "reject", "rejected", true, null],
    ["with rejectEnds off one reject of two keeps it open", { ...base, rejectEnds: false }, "reject", "pending_review", false, null],
    ["with rejectEnds off the second reject ends it", { ...base, rejectEnds: false, rejections: 1 }, "reject", "rejected", true, null],
    ["request_info changes nothing", base, "request_info", "pending_review", false, null],
    ["an escalated decision can still be approved", { ...base, status: "escalated", requiredApprovals: 1 }, "approve", "approved", true, "refuse"],
  ] as const)("%s", (_n, state, verdict, status, terminal, finalOutcome) => {
    const t = applyVerdict(state, verdict);
    expect(t.status).toBe(status);
    expect(t.terminal).toBe(terminal);
    expect(t.finalOutcome).toBe(finalOutcome);
  });

  it("override ends with the reviewer's outcome (Art. 14(4)(d): override or reverse the output)", () => {
    expect(applyVerdict(base, "override", "grant")).toMatchObject({ status: "overridden", finalOutcome: "grant", terminal: true });
  });

  it.each(["approved", "rejected", "overridden", "expired", "auto_accepted"] as const)("nothing changes after the terminal outcome %s", (status) => {
    expect(() => applyVerdict({ ...base, status }, "approve")).toThrow();
    expect(() => timeoutTransition({ status, onTimeout: "expire" })).toThrow();
  });

  it.each([
    ["pending + expire -> expired", "pending_review", "expire", "expired"],
    ["pending + escalate -> escalated", "pending_review", "escalate", "escalated"],
    ["escalated that runs out again -> expired", "escalated", "escalate", "expired"],
    ["no timeout rule -> expired", "pending_review", null, "expired"],
  ] as const)("a timeout never approves: %s", (_n, status, onTimeout, expected) => {
    const t = timeoutTransition({ status, onTimeout });
    expect(t.status).toBe(expected);
    expect(t.finalOutcome).toBeNull();
  });
});
