import { withApiKey } from "@/lib/server/api/with-api-key";
import { renderMetrics } from "@/lib/server/metrics/metrics";

export const GET = withApiKey(async () => new Response(await renderMetrics(), { headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" } }), { scopes: ["metrics:read"] });
