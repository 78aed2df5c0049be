import { apiRoute, declared } from "@/lib/server/api/route";
import { listFrameworks } from "@/lib/server/posture/frameworks/coverage";

export const GET = apiRoute(declared("get", "/api/v1/frameworks"), async ({ actor }) => Response.json({ frameworks: await listFrameworks(actor) }));
