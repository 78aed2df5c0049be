// CSV of the data behind the home dashboard's charts (the same server aggregates the
// charts use; each checks the caller's permission). Cells are formula-safe (lib/export/csv).
// The posture charts export through /posture/export.
import { errorResponse } from "@/lib/api/respond";
import { DUE_BUCKETS } from "@/lib/dashboard/series";
import { AppError } from "@/lib/errors";
import { toCsv } from "@/lib/export/csv";
import { currentActor } from "@/lib/server/auth/current-actor";
import { obligationsByDue } from "@/lib/server/breaches/obligations-by-due";
import { consentTrend } from "@/lib/server/consent/rates";
import { decisionsPendingTrend } from "@/lib/server/oversight/pending-trend";

export async function GET(req: Request) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const url = new URL(req.url);
    const chart = url.searchParams.get("chart");
    let csv: string;
    let name: string;
    if (chart === "obligations") {
      const o = await obligationsByDue(actor);
      csv = toCsv(["regime", ...DUE_BUCKETS], o.rows.map((r) => [r.regime, ...DUE_BUCKETS.map((b) => r[b])]));
      name = `breach-obligations-by-due-${o.at.slice(0, 10)}.csv`;
    } else if (chart === "decisions") {
      const t = await decisionsPendingTrend(actor, { days: 30 });
      csv = toCsv(["day", "pending at end of day", "sent for review", "sla breaches"], t.points.map((p) => [p.day, p.pending, p.newForReview, p.slaBreaches]));
      name = "decisions-pending-and-sla-breaches.csv";
    } else if (chart === "consent") {
      const t = await consentTrend(actor, { days: Number(url.searchParams.get("days") ?? "30") });
      csv = toCsv(["day", "grants", "withdrawals", "opt-outs"], t.points.map((p) => [p.day, p.grants, p.withdrawals, p.optOuts]));
      name = `consent-trend-${t.days}d.csv`;
    } else {
      throw new AppError("NOT_FOUND", "Unknown export.");
    }
    return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
