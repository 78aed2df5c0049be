// CSV of the data behind each posture chart (the same server aggregates the charts use).
import { errorResponse } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { toCsv } from "@/lib/export/csv";
import { isRange } from "@/lib/posture/history";
import { AREA_LABELS, AREAS, CONTROL_STATUSES } from "@/lib/posture/types";
import { currentActor } from "@/lib/server/auth/current-actor";
import { currentPosture } from "@/lib/server/posture/controls";
import { postureSeries } from "@/lib/server/posture/snapshots";

export async function GET(req: Request) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const url = new URL(req.url);
    const chart = url.searchParams.get("chart");
    let csv: string;
    let name: string;
    if (chart === "series") {
      const range = url.searchParams.get("range");
      const s = await postureSeries(actor, { range: isRange(range) ? range : "1y" });
      csv = toCsv(["day", "overall", ...AREAS, "source"], s.points.map((p) => [p.day, p.overall ?? null, ...AREAS.map((a) => p[a] ?? null), p.seeded ? "seeded" : "measured"]));
      name = `posture-${s.from ?? "all"}-${s.to ?? "now"}.csv`;
    } else if (chart === "status") {
      const p = await currentPosture(actor);
      csv = toCsv(["area", ...CONTROL_STATUSES], AREAS.map((a) => [AREA_LABELS[a], ...CONTROL_STATUSES.map((s) => p.controls.filter((c) => c.area === a && c.status === s).length)]));
      name = "controls-by-status.csv";
    } else if (chart === "controls") {
      const p = await currentPosture(actor);
      csv = toCsv(["id", "title", "area", "framework", "citation", "owner", "status", "source", "last reviewed", "next review", "overdue", "test detail"], p.controls.map((c) => [c.id, c.title, c.area, c.framework, c.citation, c.owner, c.status, c.statusSource, c.lastReviewedAt, c.nextReviewAt, c.overdue, c.test?.detail ?? null]));
      name = "controls.csv";
    } else {
      throw new AppError("NOT_FOUND", "Unknown export.");
    }
    return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
