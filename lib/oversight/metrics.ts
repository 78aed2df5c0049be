// Oversight metrics from decision rows (pure): per-day counts, share escalated to a
// human, time to decision (median, p90), SLA breaches, override rate per model version.

export type MetricRow = {
  createdAt: Date;
  decidedAt: Date | null;
  status: string;
  requiredApprovals: number;
  slaBreachedAt: Date | null;
  modelVersionLabel: string;
  aiSystemName: string;
};

/** Nearest-rank percentile of sorted numbers; null for an empty list. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function oversightMetrics(rows: readonly MetricRow[], days: number, now: Date) {
  const perDay = new Map<string, { day: string; autoAccepted: number; reviewed: number }>();
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(now.getTime() - i * 86_400_000).toISOString().slice(0, 10);
    perDay.set(day, { day, autoAccepted: 0, reviewed: 0 });
  }
  let escalated = 0;
  let breaches = 0;
  const durations: number[] = [];
  const byModel = new Map<string, { model: string; decided: number; overridden: number }>();
  for (const r of rows) {
    const bucket = perDay.get(r.createdAt.toISOString().slice(0, 10));
    const human = r.requiredApprovals > 0;
    if (bucket) bucket[human ? "reviewed" : "autoAccepted"]++;
    if (human) escalated++;
    if (r.slaBreachedAt) breaches++;
    if (human && r.decidedAt && ["approved", "rejected", "overridden"].includes(r.status)) {
      durations.push((r.decidedAt.getTime() - r.createdAt.getTime()) / 60_000);
      const key = `${r.aiSystemName} ${r.modelVersionLabel}`;
      const m = byModel.get(key) ?? { model: key, decided: 0, overridden: 0 };
      m.decided++;
      if (r.status === "overridden") m.overridden++;
      byModel.set(key, m);
    }
  }
  durations.sort((a, b) => a - b);
  return {
    total: rows.length,
    perDay: [...perDay.values()],
    shareEscalated: rows.length ? escalated / rows.length : null,
    medianMinutes: percentile(durations, 50),
    p90Minutes: percentile(durations, 90),
    slaBreaches: breaches,
    overrideRate: [...byModel.values()].map((m) => ({ ...m, rate: m.decided ? m.overridden / m.decided : 0 })).sort((a, b) => b.rate - a.rate),
  };
}
