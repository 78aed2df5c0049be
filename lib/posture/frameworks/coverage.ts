// Coverage of a framework by the organisation's controls (decision 520). Pure: the page,
// the API, the statement of applicability and the tests share one rule.
//
//   requirement status =
//     not applicable  when an officer marked it so (with a reason), or every mapped control is
//                     not applicable;
//     unmapped        when no control maps to it;
//     satisfied       when every applicable mapped control is satisfied;
//     partial         when at least one is satisfied or partially satisfied;
//     not satisfied   otherwise (not reviewed counts as not satisfied).
//   A control's status counts for every requirement it maps to, and so does its evidence.
//   framework score = 100 × (satisfied + ½ partial) / (assessable − not applicable), unmapped
//   requirements counting 0: an unmapped requirement is a gap, not a pass.
import type { ControlStatus } from "../types";

export const REQUIREMENT_STATUSES = ["satisfied", "partial", "not_satisfied", "not_applicable", "unmapped"] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];
export const REQUIREMENT_STATUS_LABELS: Record<RequirementStatus, string> = {
  satisfied: "Satisfied", partial: "Partially satisfied", not_satisfied: "Not satisfied", not_applicable: "Not applicable", unmapped: "Unmapped",
};

export type CoverageInput = {
  requirements: readonly { id: string; assessable: boolean }[];
  /** Requirements an officer marked not applicable, with the reason. */
  notApplicable: ReadonlyMap<string, string>;
  mappings: readonly { controlId: string; requirementId: string }[];
  controls: ReadonlyMap<string, { status: ControlStatus; evidenceCount: number }>;
};

export type RequirementCoverage = {
  requirementId: string;
  status: RequirementStatus;
  reason: string | null;
  controlIds: string[];
  evidenceCount: number;
};

export type CoverageSummary = Record<RequirementStatus, number> & { assessable: number; mapped: number; score: number | null };

export function requirementStatus(controlStatuses: readonly ControlStatus[]): RequirementStatus {
  if (controlStatuses.length === 0) return "unmapped";
  const applicable = controlStatuses.filter((s) => s !== "not_applicable");
  if (applicable.length === 0) return "not_applicable";
  if (applicable.every((s) => s === "satisfied")) return "satisfied";
  if (applicable.some((s) => s === "satisfied" || s === "partial")) return "partial";
  return "not_satisfied";
}

export function frameworkCoverage(input: CoverageInput): { requirements: RequirementCoverage[]; summary: CoverageSummary } {
  const byReq = new Map<string, string[]>();
  for (const m of input.mappings) {
    if (!input.controls.has(m.controlId)) continue; // a mapping to a deleted control covers nothing
    const list = byReq.get(m.requirementId) ?? [];
    if (!list.includes(m.controlId)) list.push(m.controlId);
    byReq.set(m.requirementId, list);
  }
  const summary: CoverageSummary = { satisfied: 0, partial: 0, not_satisfied: 0, not_applicable: 0, unmapped: 0, assessable: 0, mapped: 0, score: null };
  const requirements: RequirementCoverage[] = [];
  for (const r of input.requirements) {
    if (!r.assessable) continue;
    const controlIds = (byReq.get(r.id) ?? []).sort();
    const controls = controlIds.map((id) => input.controls.get(id)!);
    const evidenceCount = controls.reduce((n, c) => n + c.evidenceCount, 0);
    const naReason = input.notApplicable.get(r.id);
    let status: RequirementStatus;
    let reason: string | null = null;
    if (naReason !== undefined) {
      status = "not_applicable";
      reason = naReason;
    } else {
      status = requirementStatus(controls.map((c) => c.status));
      if (status === "not_applicable") reason = "Every mapped control is not applicable.";
    }
    summary[status]++;
    summary.assessable++;
    if (controlIds.length) summary.mapped++;
    requirements.push({ requirementId: r.id, status, reason, controlIds, evidenceCount });
  }
  const den = summary.assessable - summary.not_applicable;
  summary.score = den === 0 ? null : Math.round((1000 * (summary.satisfied + 0.5 * summary.partial)) / den) / 10;
  return { requirements, summary };
}
