import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ATTENTION_KIND_LABELS, TIER, type AttentionItem } from "@/lib/dashboard/attention";
import type { NeedsAttention } from "@/lib/server/dashboard/needs-attention";
import { DateTime } from "@/components/ui/date-time";


function tone(i: AttentionItem) {
  if (i.tier === TIER.overdue) return "red" as const;
  if (i.tier === TIER.dueSoon || i.tier === TIER.problem) return "amber" as const;
  return "gray" as const;
}

/** The top of the home page: what to act on now, most urgent first, each a link to its record. */
export function NeedsAttentionList({ data }: { data: NeedsAttention }) {
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
        <ul className="divide-y divide-slate-100" data-testid="needs-attention-items">
          {data.items.map((i) => (
            <li key={i.key} className="flex flex-wrap items-start gap-x-3 gap-y-1 px-5 py-2.5 text-sm" data-kind={i.kind}>
              <Badge tone={tone(i)}>{i.when}</Badge>
              {/* On a phone: the badge and the date on one line, the item below at full width. */}
              <span className="order-last min-w-0 basis-full sm:order-none sm:basis-0 sm:flex-1">
                <span className="mr-2 block text-xs uppercase tracking-wide text-slate-500 sm:inline">{ATTENTION_KIND_LABELS[i.kind]}</span>
                <Link href={i.href} className="font-medium text-indigo-700 hover:underline">{i.title}</Link>
                {i.note && <span className="block text-xs text-slate-500">{i.note}</span>}
              </span>
              {i.dueAt && <span className="whitespace-nowrap text-xs text-slate-500"><DateTime value={i.dueAt} /></span>}
            </li>
          ))}
          {data.total > data.items.length && <li className="px-5 py-2.5 text-sm text-slate-600">and {data.total - data.items.length} more.</li>}
        </ul>
      )}
    </section>
  );
}
