// Pure helpers for the home dashboard's server aggregates: UTC day windows and the
// buckets for breach obligation deadlines. Shared by lib/server, the charts and tests.

export const DAY_MS = 86_400_000;

/** The last `days` UTC days ending today: [{ day, start, end }] oldest first. */
export function dayWindows(days: number, now: Date) {
  const endOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS;
  const out: { day: string; start: Date; end: Date }[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const start = new Date(endOfToday - (i + 1) * DAY_MS);
    out.push({ day: start.toISOString().slice(0, 10), start, end: new Date(endOfToday - i * DAY_MS) });
  }
  return out;
}

export const DUE_BUCKETS = ["overdue", "next_24h", "next_7d", "next_30d", "later", "no_deadline"] as const;
export type DueBucket = (typeof DUE_BUCKETS)[number];

export const DUE_BUCKET_LABELS: Record<DueBucket, string> = {
  overdue: "Overdue",
  next_24h: "Next 24 h",
  next_7d: "Next 7 days",
  next_30d: "Next 30 days",
  later: "Later",
  no_deadline: "No fixed deadline",
};

/** Which bucket an open obligation due at `dueAt` falls in, seen at `now`. */
export function dueBucket(dueAt: Date | null, now: Date): DueBucket {
  if (!dueAt) return "no_deadline";
  const ms = dueAt.getTime() - now.getTime();
  if (ms < 0) return "overdue";
  if (ms <= DAY_MS) return "next_24h";
  if (ms <= 7 * DAY_MS) return "next_7d";
  if (ms <= 30 * DAY_MS) return "next_30d";
  return "later";
}

export const TREND_DAYS = [30, 90] as const;
export type TrendDays = (typeof TREND_DAYS)[number];
export function isTrendDays(v: unknown): v is TrendDays {
  return v === 30 || v === 90;
}
/** A page's `?days`-like search parameter as a trend range, 30 when absent or not one. */
export function trendDaysParam(v: unknown): TrendDays {
  const n = Number(v);
  return isTrendDays(n) ? n : 30;
}
