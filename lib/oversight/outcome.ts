// The decision state machine: what a verdict or a timeout does to an open decision.
// Pure; lib/server/oversight applies the result under optimistic concurrency.
import type { DecisionStatus, Verdict } from "@/lib/validation/oversight";

export type DecisionState = {
  status: DecisionStatus;
  requiredApprovals: number;
  approvals: number;
  rejections: number;
  rejectEnds: boolean;
  proposedOutcome: string;
  onTimeout: "escalate" | "expire" | null;
};

export type Transition = {
  status: DecisionStatus;
  approvals: number;
  rejections: number;
  finalOutcome: string | null;
  terminal: boolean;
};

export const isTerminal = (s: DecisionStatus) => ["auto_accepted", "approved", "rejected", "overridden", "expired"].includes(s);

/** Whether a person of `role` may review the decision under its policy (the dashboard and inbox use the same rule). */
export function mayReview(role: string, d: { allowAdminReview: boolean; status: string; escalateTo: string | null }) {
  if (role === "reviewer") return true;
  if (d.status === "escalated" && d.escalateTo === role) return true;
  return d.allowAdminReview && (role === "admin" || role === "compliance_officer");
}

export function applyVerdict(state: DecisionState, verdict: Verdict, overrideOutcome?: string): Transition {
  if (isTerminal(state.status)) throw new Error(`decision is already ${state.status}`);
  const open = { status: state.status, approvals: state.approvals, rejections: state.rejections, finalOutcome: null, terminal: false };
  switch (verdict) {
    case "request_info":
      return open; // recorded; the clock keeps running
    case "override":
      // Art. 14(4)(d) AI Act: a person can disregard, override or reverse the output.
      return { status: "overridden", approvals: state.approvals, rejections: state.rejections, finalOutcome: overrideOutcome ?? null, terminal: true };
    case "approve": {
      const approvals = state.approvals + 1;
      if (approvals >= state.requiredApprovals) {
        return { status: "approved", approvals, rejections: state.rejections, finalOutcome: state.proposedOutcome, terminal: true };
      }
      return { ...open, approvals };
    }
    case "reject": {
      const rejections = state.rejections + 1;
      // Unless the policy says otherwise, one reject from a required reviewer ends it;
      // otherwise it takes as many rejects as approvals would have.
      if (state.rejectEnds || rejections >= state.requiredApprovals) {
        return { status: "rejected", approvals: state.approvals, rejections, finalOutcome: null, terminal: true };
      }
      return { ...open, rejections };
    }
  }
}

/**
 * What the SLA job does to an overdue open decision. Never approves: a pending decision
 * with onTimeout "escalate" is escalated (once); anything else, and an escalated decision
 * that runs out again, expires as rejected.
 */
export function timeoutTransition(state: Pick<DecisionState, "status" | "onTimeout">): { status: "escalated" | "expired"; finalOutcome: null } {
  if (isTerminal(state.status)) throw new Error(`decision is already ${state.status}`);
  if (state.status === "pending_review" && state.onTimeout === "escalate") return { status: "escalated", finalOutcome: null };
  return { status: "expired", finalOutcome: null };
}
