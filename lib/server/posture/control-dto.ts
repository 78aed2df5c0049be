import "server-only";
import { effectiveStatus } from "@/lib/posture/score";
import type { Area, ControlStatus, FailingRecord, Framework, ReviewStatus, TestStatus } from "@/lib/posture/types";
import { hasAutomatedTest, providerFor } from "./control-tests/registry";

export const CONTROL_SELECT = {
  id: true, title: true, description: true, area: true, framework: true, citation: true, owner: true,
  frequencyDays: true, weight: true, manualCheck: true, reviewStatus: true, lastReviewedAt: true, nextReviewAt: true,
  testStatus: true, testDetail: true, testFailing: true, testedAt: true,
  overrideStatus: true, overrideReason: true, overrideBy: true, overrideAt: true, version: true, archivedAt: true, archivedBy: true,
} as const;

type Row = {
  id: string; title: string; description: string; area: string; framework: string; citation: string; owner: string | null;
  frequencyDays: number; weight: number; manualCheck: string; reviewStatus: string | null; lastReviewedAt: Date | null; nextReviewAt: Date | null;
  testStatus: string | null; testDetail: string | null; testFailing: string | null; testedAt: Date | null;
  overrideStatus: string | null; overrideReason: string | null; overrideBy: string | null; overrideAt: Date | null; version: number;
  archivedAt: Date | null; archivedBy: string | null;
};

export type ControlDto = ReturnType<typeof toControlDto>;

export function toControlDto(r: Row, now = new Date()) {
  const automated = hasAutomatedTest(r.id);
  const status: ControlStatus = effectiveStatus({
    overrideStatus: r.overrideStatus as ReviewStatus | null,
    testStatus: r.testStatus as TestStatus | null,
    hasAutomatedTest: automated,
    reviewStatus: r.reviewStatus as ReviewStatus | null,
  });
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    area: r.area as Area,
    framework: r.framework as Framework,
    citation: r.citation,
    owner: r.owner,
    frequencyDays: r.frequencyDays,
    weight: r.weight,
    manualCheck: r.manualCheck,
    status,
    statusSource: r.overrideStatus ? ("override" as const) : automated && r.testStatus ? ("automated" as const) : r.reviewStatus ? ("review" as const) : ("none" as const),
    automated: automated ? { checks: providerFor(r.id)!.checks } : null,
    reviewStatus: r.reviewStatus as ReviewStatus | null,
    lastReviewedAt: r.lastReviewedAt?.toISOString() ?? null,
    nextReviewAt: r.nextReviewAt?.toISOString() ?? null,
    overdue: !automated && !!r.nextReviewAt && r.nextReviewAt.getTime() < now.getTime(),
    test: automated && r.testStatus
      ? { status: r.testStatus as TestStatus, detail: r.testDetail ?? "", failing: JSON.parse(r.testFailing ?? "[]") as FailingRecord[], testedAt: r.testedAt?.toISOString() ?? null }
      : null,
    override: r.overrideStatus ? { status: r.overrideStatus as ReviewStatus, reason: r.overrideReason ?? "", by: r.overrideBy ?? "", at: r.overrideAt?.toISOString() ?? null } : null,
    version: r.version,
    archivedAt: r.archivedAt?.toISOString() ?? null,
    archivedBy: r.archivedBy,
  };
}
