// CSV of the data behind the home dashboard's charts (the same server aggregates the
// charts use; each checks the caller's permission). Cells are formula-safe (lib/export/csv).
// The posture charts export through /posture/export.
import { DUE_BUCKETS } from "@/lib/dashboard/series";
import { toCsv } from "@/lib/export/csv";
import { chartCsvRoute } from "@/lib/server/api/chart-csv-route";
import { obligationsByDue } from "@/lib/server/breaches/obligations-by-due";
import { consentTrend } from "@/lib/server/consent/rates";
import { decisionsPendingTrend } from "@/lib/server/oversight/pending-trend";

export const GET = chartCsvRoute({
  async obligations(actor) {
    const o = await obligationsByDue(actor);
    return { name: `breach-obligations-by-due-${o.at.slice(0, 10)}.csv`, csv: toCsv(["regime", ...DUE_BUCKETS], o.rows.map((r) => [r.regime, ...DUE_BUCKETS.map((b) => r[b])])) };
  },
  async decisions(actor, url) {
    const t = await decisionsPendingTrend(actor, { days: Number(url.searchParams.get("days") ?? "30") });
    return { name: `decisions-pending-and-sla-breaches-${t.days}d.csv`, csv: toCsv(["day", "pending at end of day", "sent for review", "sla breaches"], t.points.map((p) => [p.day, p.pending, p.newForReview, p.slaBreaches])) };
  },
  async consent(actor, url) {
    const t = await consentTrend(actor, { days: Number(url.searchParams.get("days") ?? "30") });
    return { name: `consent-trend-${t.days}d.csv`, csv: toCsv(["day", "grants", "withdrawals", "opt-outs"], t.points.map((p) => [p.day, p.grants, p.withdrawals, p.optOuts])) };
  },
});
