// CSV of the data behind each posture chart (the same server aggregates the charts use).
import { toCsv } from "@/lib/export/csv";
import { isRange } from "@/lib/posture/history";
import { AREA_LABELS, AREAS, CONTROL_STATUSES } from "@/lib/posture/types";
import { chartCsvRoute } from "@/lib/server/api/chart-csv-route";
import { currentPosture } from "@/lib/server/posture/controls";
import { postureSeries } from "@/lib/server/posture/snapshots";

export const GET = chartCsvRoute({
  async series(actor, url) {
    const range = url.searchParams.get("range");
    const s = await postureSeries(actor, { range: isRange(range) ? range : "1y" });
    return { name: `posture-${s.from ?? "all"}-${s.to ?? "now"}.csv`, csv: toCsv(["day", "overall", ...AREAS, "source"], s.points.map((p) => [p.day, p.overall ?? null, ...AREAS.map((a) => p[a] ?? null), p.seeded ? "seeded" : "measured"])) };
  },
  async status(actor) {
    const p = await currentPosture(actor);
    return { name: "controls-by-status.csv", csv: toCsv(["area", ...CONTROL_STATUSES], AREAS.map((a) => [AREA_LABELS[a], ...CONTROL_STATUSES.map((s) => p.controls.filter((c) => c.area === a && c.status === s).length)])) };
  },
  async controls(actor) {
    const p = await currentPosture(actor);
    return { name: "controls.csv", csv: toCsv(["id", "title", "area", "framework", "citation", "owner", "status", "source", "last reviewed", "next review", "overdue", "test detail"], p.controls.map((c) => [c.id, c.title, c.area, c.framework, c.citation, c.owner, c.status, c.statusSource, c.lastReviewedAt, c.nextReviewAt, c.overdue, c.test?.detail ?? null])) };
  },
});
