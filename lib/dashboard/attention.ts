// Pure rules of the home page's "Needs attention" list: how a deadline is put in words and
// in which order items come. The queries are lib/server/dashboard/needs-attention.ts.

export const ATTENTION_WINDOW_MS = 24 * 3_600_000;

/** What an item is, as the list labels it. */
export const ATTENTION_KIND_LABELS = {
  obligation: "Breach notification", decision: "AI decision", control_test: "Failing control test",
  control_review: "Control review", record_review: "Record review", alert: "Anomaly alert",
} as const;
export type AttentionKind = keyof typeof ATTENTION_KIND_LABELS;

/** Where the items of a kind are listed in full: the "and N more" line links there. */
export const ATTENTION_KIND_LISTS: Record<AttentionKind, { href: string; one: string; many: string }> = {
  obligation: { href: "/breaches", one: "breach notification", many: "breach notifications" },
  decision: { href: "/oversight/inbox", one: "AI decision", many: "AI decisions" },
  control_test: { href: "/posture/controls", one: "failing control test", many: "failing control tests" },
  control_review: { href: "/posture/controls", one: "control review", many: "control reviews" },
  record_review: { href: "/inventory", one: "record review", many: "record reviews" },
  alert: { href: "/alerts", one: "anomaly alert", many: "anomaly alerts" },
};

/** How many items the home page lists before "and N more" (docs/decisions/514). */
export const ATTENTION_SHOWN = 25;

/**
 * Urgency tiers, most urgent first: a missed legal or SLA deadline, then one that falls due
 * within 24 hours, then open problems without a deadline (alerts, failing tests), then
 * overdue periodic reviews (they matter, but nobody is harmed by the hour).
 */
export const TIER = { overdue: 0, dueSoon: 1, problem: 2, review: 3 } as const;

export type AttentionItem = {
  key: string;
  kind: AttentionKind;
  tier: (typeof TIER)[keyof typeof TIER];
  title: string;
  /** Plain words: "overdue by 6 days", "due in 5 h", "test failing". */
  when: string;
  /** Extra context (the alert's severity, "you can review", why it was escalated). */
  note: string | null;
  dueAt: string | null;
  overdue: boolean;
  href: string;
  /** Within a tier without deadlines: higher first (alert severity). */
  weight: number;
};

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function span(ms: number): string {
  if (ms >= 2 * DAY) return `${Math.floor(ms / DAY)} days`;
  if (ms >= DAY) return "1 day";
  if (ms >= HOUR) return `${Math.floor(ms / HOUR)} h`;
  return `${Math.max(1, Math.floor(ms / MIN))} min`;
}

/** "overdue by 6 days", "overdue by 3 h", "due in 5 h", "due in 12 days" (floored: never sounds later than it is). */
export function dueWording(dueAt: Date, now: Date): string {
  const ms = dueAt.getTime() - now.getTime();
  return ms <= 0 ? `overdue by ${span(-ms)}` : `due in ${span(ms)}`;
}

/** The tier of an item with a deadline: overdue, within the window, or (null) not yet. */
export function deadlineTier(dueAt: Date, now: Date, windowMs = ATTENTION_WINDOW_MS): typeof TIER.overdue | typeof TIER.dueSoon | null {
  const ms = dueAt.getTime() - now.getTime();
  if (ms <= 0) return TIER.overdue;
  return ms <= windowMs ? TIER.dueSoon : null;
}

/** Tier, then the earliest deadline (the most overdue first), then weight, then title. */
export function byUrgency(a: AttentionItem, b: AttentionItem): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  const da = a.dueAt ? Date.parse(a.dueAt) : Infinity;
  const dbt = b.dueAt ? Date.parse(b.dueAt) : Infinity;
  if (da !== dbt) return da - dbt;
  if (a.weight !== b.weight) return b.weight - a.weight;
  return a.title.localeCompare(b.title);
}

export const SEVERITY_WEIGHT: Record<string, number> = { high: 3, medium: 2, low: 1 };
