import { apiRoute, declared } from "@/lib/server/api/route";
import { renderMetrics } from "@/lib/server/metrics/metrics";

export const GET = apiRoute(declared("get", "/api/v1/metrics"), async () => new Response(await renderMetrics(), { headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" } }));
