"use client";
// The items of "Needs attention" (the most urgent ATTENTION_SHOWN). A client component so the page's RSC payload
// carries each item once as data, not a second time as the markup's element tree (with
// every class name), which was about a sixth of the home page's weight.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ZonedTime } from "@/components/ui/zoned-time";
import { ATTENTION_KIND_LABELS, TIER, type AttentionItem } from "@/lib/dashboard/attention";

function tone(i: AttentionItem) {
  if (i.tier === TIER.overdue) return "red" as const;
  if (i.tier === TIER.dueSoon || i.tier === TIER.problem) return "amber" as const;
  return "gray" as const;
}

export function NeedsAttentionItems({ items, zone }: { items: AttentionItem[]; zone: string }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="needs-attention-items">
      {items.map((i) => (
        <li key={i.key} className="attention-item" data-kind={i.kind}>
          <Badge tone={tone(i)}>{i.when}</Badge>
          {/* On a phone: the badge and the date on one line, the item below at full width. */}
          <span className="attention-main">
            <span className="attention-kind">{ATTENTION_KIND_LABELS[i.kind]}</span>
            <Link href={i.href} className="attention-link">{i.title}</Link>
            {i.note && <span className="block text-xs text-slate-500">{i.note}</span>}
          </span>
          {i.dueAt && <span className="attention-date"><ZonedTime value={i.dueAt} zone={zone} /></span>}
        </li>
      ))}
    </ul>
  );
}
