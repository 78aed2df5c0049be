import "server-only";
// The one shape of a signed-in CSV download of chart data: resolve the person from the
// session, pick the export named by ?chart=, let it read through its permission-checked
// lib/server aggregate, and answer with a no-store attachment (errors as JSON).
import { errorResponse } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { currentActor, type UserActor } from "@/lib/server/auth/current-actor";

export type ChartCsv = { name: string; csv: string };
export type ChartCsvBuilder = (actor: UserActor, url: URL) => Promise<ChartCsv>;

export function chartCsvRoute(exports: Record<string, ChartCsvBuilder>) {
  return async function GET(req: Request): Promise<Response> {
    try {
      const actor = await currentActor();
      if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
      const url = new URL(req.url);
      const chart = url.searchParams.get("chart") ?? "";
      const build = Object.prototype.hasOwnProperty.call(exports, chart) ? exports[chart] : undefined;
      if (!build) throw new AppError("NOT_FOUND", "Unknown export.");
      const { name, csv } = await build(actor, url);
      return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" } });
    } catch (e) {
      return errorResponse(e);
    }
  };
}
