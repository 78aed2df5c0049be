// What each verdict will do to a decision, in plain words that depend on what the AI system
// proposed, and what a reviewer who has already given a verdict is waiting for. Pure: the
// review form, the inbox and the decision page share it, and unit tests pin the wording.
import type { Verdict } from "@/lib/validation/oversight";
import { formatInZone } from "@/lib/time/format";

export type ReviewState = { proposedOutcome: string; requiredApprovals: number; approvals: number; rejections: number; rejectEnds: boolean };

export type VerdictOption = {
  value: Verdict;
  label: string;
  hint: string;
  key: string;
  /** Set when the verdict refuses the proposal: the form asks for this confirmation first. */
  confirm: string | null;
  /** The button that confirms it. */
  confirmLabel: string | null;
};

const REFUSAL = /^(refuse|refusal|reject|rejected|deny|denied|decline|declined|block|blocked)(?![a-z])/i; // "deny_claim", "refuse-loan" count

/** Whether the AI system proposes to refuse something (a loan, a claim, an account). */
export const isRefusal = (outcome: string) => REFUSAL.test(outcome.trim());

const plural = (n: number, one: string, many = `${one}s`) => `${n} more ${n === 1 ? one : many}`;

export function verdictOptions(d: ReviewState): VerdictOption[] {
  const refusal = isRefusal(d.proposedOutcome);
  const left = Math.max(0, d.requiredApprovals - d.approvals - 1);
  const approveEffect = left === 0 ? `the decision ends with the outcome “${d.proposedOutcome}”` : `it then needs ${plural(left, "approval")} before the outcome is “${d.proposedOutcome}”`;
  const rejectEnds = d.rejectEnds || d.rejections + 1 >= d.requiredApprovals;
  const rejectEffect = rejectEnds
    ? "The decision ends with no outcome (“none”): nothing is decided for the person, and the AI system is told it was rejected."
    : `Your rejection counts; it takes ${plural(d.requiredApprovals - d.rejections - 1, "rejection")} to end the decision with no outcome (“none”).`;
  return [
    {
      value: "approve",
      label: refusal ? "Confirm refusal" : `Approve “${d.proposedOutcome}”`,
      key: "a",
      hint: `Agree with the AI system; ${approveEffect}.`,
      confirm: null,
      confirmLabel: null,
    },
    {
      value: "override",
      label: refusal ? "Overturn: approve instead" : "Overturn: decide another outcome",
      key: "o",
      hint: "Replace the proposal with the outcome you enter; the decision ends with it at once.",
      confirm: "This overturns the AI system's proposal and ends the decision with the outcome you entered. Nobody else reviews it.",
      confirmLabel: "Yes, overturn it",
    },
    {
      value: "reject",
      label: refusal ? "Send back: no refusal, no outcome" : `Refuse “${d.proposedOutcome}”, no outcome`,
      key: "r",
      hint: rejectEnds ? "Refuse the proposal without deciding anything else: the decision ends with no outcome." : "Refuse the proposal without deciding anything else.",
      confirm: rejectEffect,
      confirmLabel: rejectEnds ? "Yes, end it with no outcome" : "Yes, record my rejection",
    },
    {
      value: "request_info",
      label: "Ask for information",
      key: "i",
      hint: "Ask the AI system's owner a question; nothing is decided and the SLA keeps running.",
      confirm: null,
      confirmLabel: null,
    },
  ];
}

/** "3 Dec 2026, 08:45 UTC". */
export function formatUtc(iso: string): string {
  return formatInZone(iso, "UTC");
}

/** "You approved on 3 Dec 2026, 08:45 UTC; needs 1 more approval." */
export function waitingText(mine: { verdict: string; at: string }, d: Omit<ReviewState, "proposedOutcome">): string {
  const on = formatUtc(mine.at);
  if (mine.verdict === "reject") {
    return `You rejected on ${on}; needs ${plural(Math.max(1, d.requiredApprovals - d.rejections), "rejection")} to end it with no outcome, or ${plural(Math.max(1, d.requiredApprovals - d.approvals), "approval")} from others.`;
  }
  return `You approved on ${on}; needs ${plural(Math.max(1, d.requiredApprovals - d.approvals), "approval")}.`;
}
