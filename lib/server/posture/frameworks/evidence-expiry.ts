import "server-only";
import { EXPIRES_SOON_DAYS, evidenceFreshness } from "@/lib/posture/frameworks/evidence-freshness";
import { db } from "@/lib/server/db";

/**
 * The reminder hook (decision 520): evidence that expired or expires within the warning window,
 * on the latest review of its control (older reviews' evidence no longer backs a status). The
 * caller (a scheduled job; e-mail is not this module's) decides whom to tell.
 */
export async function dueEvidenceExpiry(now: Date, soonDays = EXPIRES_SOON_DAYS) {
  const horizon = new Date(now.getTime() + soonDays * 86_400_000);
  const latest = await db().controlReview.findMany({ distinct: ["controlId"], orderBy: [{ controlId: "asc" }, { reviewedAt: "desc" }], select: { id: true } });
  const rows = await db().controlEvidence.findMany({
    where: { reviewId: { in: latest.map((r) => r.id) }, expiresAt: { not: null, lte: horizon } },
    orderBy: { expiresAt: "asc" },
    select: { id: true, name: true, kind: true, expiresAt: true, review: { select: { controlId: true, control: { select: { title: true, owner: true } } } } },
  });
  return rows.map((e) => ({
    evidenceId: e.id, name: e.name, kind: e.kind, expiresAt: e.expiresAt!.toISOString(),
    state: evidenceFreshness(e.expiresAt, now, soonDays) as "expired" | "expires_soon",
    controlId: e.review.controlId, controlTitle: e.review.control.title, owner: e.review.control.owner,
  }));
}
