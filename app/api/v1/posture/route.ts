import { apiRoute, declared } from "@/lib/server/api/route";
import { postureSeries } from "@/lib/server/posture/snapshots";

export const GET = apiRoute(declared("get", "/api/v1/posture"), async ({ actor, req }) => Response.json(await postureSeries(actor, Object.fromEntries(new URL(req.url).searchParams))));
