// The posture score: pure, so the page, the snapshot job and the tests share one formula.
//
// Formula (shown on the posture page):
//   effective status = manual override if set, else the automated test result if the
//   control has one (pass -> satisfied, fail -> not satisfied, not applicable), else the
//   latest review (never reviewed -> not reviewed); a satisfied review whose evidence has all
//   expired counts as partial (decision 520, applied in lib/server/posture/controls.ts);
//   credit: satisfied 1, partially satisfied 0.5, not satisfied 0, not reviewed 0;
//   score(area) = 100 x sum(weight x credit) / sum(weight), over the area's controls that
//   are not "not applicable"; overall = the same sum over every control.
//   A set with no applicable control has no score (null), not 100.
import { AREAS, type Area, type ControlStatus, type ReviewStatus, type TestStatus } from "./types";

export const STATUS_CREDIT: Record<ControlStatus, number | null> = {
  satisfied: 1,
  partial: 0.5,
  not_satisfied: 0,
  not_reviewed: 0,
  not_applicable: null, // excluded from numerator and denominator
};

export type ScoredControl = { area: Area; weight: number; status: ControlStatus };

export function effectiveStatus(c: {
  overrideStatus?: ReviewStatus | null;
  testStatus?: TestStatus | null;
  hasAutomatedTest: boolean;
  reviewStatus?: ReviewStatus | null;
}): ControlStatus {
  if (c.overrideStatus) return c.overrideStatus;
  if (c.hasAutomatedTest && c.testStatus) {
    return c.testStatus === "pass" ? "satisfied" : c.testStatus === "fail" ? "not_satisfied" : "not_applicable";
  }
  return c.reviewStatus ?? "not_reviewed";
}

/** 0-100 rounded to one decimal, or null when nothing applicable is in the set. */
export function scoreOf(controls: readonly ScoredControl[]): number | null {
  let num = 0;
  let den = 0;
  for (const c of controls) {
    const credit = STATUS_CREDIT[c.status];
    if (credit === null || c.weight <= 0) continue;
    num += c.weight * credit;
    den += c.weight;
  }
  if (den === 0) return null;
  return Math.round((1000 * num) / den) / 10;
}

export type PostureScores = { overall: number | null } & Record<Area, number | null>;

export function postureScores(controls: readonly ScoredControl[]): PostureScores {
  const out = { overall: scoreOf(controls) } as PostureScores;
  for (const a of AREAS) out[a] = scoreOf(controls.filter((c) => c.area === a));
  return out;
}

export function countByStatus(controls: readonly { status: ControlStatus }[]): Record<ControlStatus, number> {
  const out: Record<ControlStatus, number> = { satisfied: 0, partial: 0, not_satisfied: 0, not_applicable: 0, not_reviewed: 0 };
  for (const c of controls) out[c.status]++;
  return out;
}

/** Next review: the review instant plus the control's frequency in days. */
export function nextReviewAt(reviewedAt: Date, frequencyDays: number): Date {
  return new Date(reviewedAt.getTime() + frequencyDays * 86_400_000);
}

export function isOverdue(nextReview: Date | null, now: Date): boolean {
  return nextReview !== null && nextReview.getTime() < now.getTime();
}
