import { apiRoute, declared } from "@/lib/server/api/route";
import { frameworkCoverageView } from "@/lib/server/posture/frameworks/api-views";

export const GET = apiRoute<{ id: string }>(declared("get", "/api/v1/frameworks/{id}/coverage"), async ({ actor, params }) => Response.json(await frameworkCoverageView(actor, params.id)));
