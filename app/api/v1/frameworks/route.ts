import { withApiKey } from "@/lib/server/api/with-api-key";
import { listFrameworks } from "@/lib/server/posture/frameworks/coverage";

export const GET = withApiKey(async (_req, { actor }) => Response.json({ frameworks: await listFrameworks(actor) }), { scopes: ["posture:read"] });
