import { withApiKey } from "@/lib/server/api/with-api-key";
import { frameworkCoverageView } from "@/lib/server/posture/frameworks/api-views";

export const GET = withApiKey<{ id: string }>(async (_req, { actor, params }) => Response.json(await frameworkCoverageView(actor, params.id)), { scopes: ["posture:read"] });
