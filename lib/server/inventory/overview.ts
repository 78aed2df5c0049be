import "server-only";
// The area's overview: counts, every current gap finding and the overdue reviews.
// Findings are computed from the records on read, so a fix shows at once: 10,000 assets and
// 2,000 activities give ~15,000 findings, which the page shows 50 at a time.
import type { Finding, FindingRule } from "@/lib/inventory/findings";
import { isReviewOverdue, RULES } from "@/lib/inventory/findings";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { ACTIVITY_INCLUDE, activityFindingsOf, ASSET_FINDING_SELECT, assetFindingsOf, fromList } from "@/lib/server/inventory/dto";

export async function loadAllFindings(now = new Date()) {
  const [assets, activities] = await Promise.all([
    // Only the columns the rules read: at 10,000 assets the full rows were most of the page's time.
    db().dataAsset.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: ASSET_FINDING_SELECT }),
    db().processingActivity.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, include: ACTIVITY_INCLUDE }),
  ]);
  const findings: Finding[] = [...assets.flatMap((a) => assetFindingsOf(a, now)), ...activities.flatMap((p) => activityFindingsOf(p, now))];
  return { assets, activities, findings };
}

export async function inventoryOverview(actor: Actor) {
  await requirePermission(actor, "inventory:read");
  const now = new Date();
  const { assets, activities, findings } = await loadAllFindings(now);
  const byRule = Object.fromEntries(Object.keys(RULES).map((r) => [r, 0])) as Record<FindingRule, number>;
  for (const f of findings) byRule[f.rule]++;
  const overdue = [
    ...assets.filter((a) => isReviewOverdue(a.nextReviewAt, now)).map((a) => ({ kind: "asset" as const, id: a.id, name: a.name, nextReviewAt: a.nextReviewAt!.toISOString() })),
    ...activities.filter((p) => isReviewOverdue(p.nextReviewAt, now)).map((p) => ({ kind: "activity" as const, id: p.id, name: p.name, nextReviewAt: p.nextReviewAt!.toISOString() })),
  ].sort((x, y) => (x.nextReviewAt < y.nextReviewAt ? -1 : x.nextReviewAt > y.nextReviewAt ? 1 : 0)); // ISO instants: text order is time order
  const severityRank = { high: 0, medium: 1, low: 2 } as const;
  // One collator for the sort: String#localeCompare builds one per call (15,000 findings at scale).
  const byName = new Intl.Collator("en").compare;
  return {
    counts: {
      assets: assets.length,
      assetsWithPersonalData: assets.filter((a) => fromList(a.dataCategories).length > 0).length,
      activities: activities.length,
      processorActivities: activities.filter((p) => p.role === "processor").length,
      findings: findings.length,
      overdueReviews: overdue.length,
    },
    byRule,
    findings: findings.sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || byName(a.recordName, b.recordName)),
    overdue,
  };
}
