import Link from "next/link";
import type { NeedsAttention } from "@/lib/server/dashboard/needs-attention";
import { DateTime } from "@/components/ui/date-time";
import { requestTimeZone } from "@/lib/server/time/org-zone";
import { NeedsAttentionItems } from "./needs-attention-items";
import { ATTENTION_KIND_LISTS, type AttentionKind } from "@/lib/dashboard/attention";

/** The top of the home page: what to act on now, most urgent first, each a link to its record. */
export async function NeedsAttentionList({ data }: { data: NeedsAttention }) {
  return (
    <section aria-labelledby="needs-attention-title" data-testid="needs-attention" className="mb-6 rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex items-baseline justify-between gap-4 border-b border-slate-100 px-5 py-3">
        <h2 id="needs-attention-title" className="text-base font-semibold text-slate-900">Needs attention</h2>
        {data.total > 0 && <span className="text-sm text-slate-500">{data.total} item{data.total === 1 ? "" : "s"}, most urgent first</span>}
      </header>
      {data.items.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-700" data-testid="needs-attention-empty">
          Nothing needs attention.{" "}
          {data.nextDeadline ? (
            <>Next deadline: <Link className="font-medium text-indigo-700 hover:underline" href={data.nextDeadline.href}>{data.nextDeadline.title}</Link>, {data.nextDeadline.when} (<DateTime value={data.nextDeadline.dueAt} />).</>
          ) : (
            "No deadline ahead."
          )}
        </p>
      ) : (
        <>
          <NeedsAttentionItems items={data.items} zone={await requestTimeZone()} />
          {data.total > data.items.length && (
            <p className="border-t border-slate-100 px-5 py-2.5 text-sm text-slate-600" data-testid="needs-attention-more">
              and {data.total - data.items.length} more:{" "}
              {(Object.entries(data.more) as [AttentionKind, number][]).map(([kind, n], i) => (
                <span key={kind}>
                  {i > 0 && ", "}
                  <Link className="font-medium text-indigo-700 hover:underline" href={ATTENTION_KIND_LISTS[kind].href}>{n} {n === 1 ? ATTENTION_KIND_LISTS[kind].one : ATTENTION_KIND_LISTS[kind].many}</Link>
                </span>
              ))}
              .
            </p>
          )}
        </>
      )}
    </section>
  );
}
