// The review cycle of an asset or an activity: when it was last reviewed, when it is due,
// the "mark reviewed" form for writers and the past reviews.
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { listReviews } from "@/lib/server/inventory/reviews";
import { KeyValues } from "./key-values";
import { ReviewForm } from "./review-form";

type ReviewedRecord = { id: string; reviewIntervalMonths: number; lastReviewedAt: string | null; nextReviewAt: string | null; reviewOverdue: boolean };

export function ReviewCard({ kind, record, reviews, write }: { kind: "asset" | "activity"; record: ReviewedRecord; reviews: Awaited<ReturnType<typeof listReviews>>; write: boolean }) {
  return (
    <Card title="Review" description={`Every ${record.reviewIntervalMonths} months`}>
      <KeyValues
        items={[
          ["Last reviewed", <DateTime key="l" value={record.lastReviewedAt} style="date" fallback="never" />],
          ["Next review", <span key="n" className={record.reviewOverdue ? "font-semibold text-amber-700" : ""}><DateTime value={record.nextReviewAt} style="date" />{record.reviewOverdue ? " (overdue)" : ""}</span>],
        ]}
      />
      {write && <div className="mt-4 border-t border-slate-100 pt-4"><ReviewForm kind={kind} id={record.id} /></div>}
      {reviews.length > 0 && (
        <ul className="mt-4 space-y-2 border-t border-slate-100 pt-3 text-xs" data-testid="reviews">
          {reviews.map((r) => <li key={r.id}><span className="font-medium"><DateTime value={r.reviewedAt} style="date" /></span> {r.reviewer}: {r.comment}</li>)}
        </ul>
      )}
    </Card>
  );
}
