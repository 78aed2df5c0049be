import { withApiKey } from "@/lib/server/api/with-api-key";
import { postureSeries } from "@/lib/server/posture/snapshots";

export const GET = withApiKey(
  async (req, { actor }) => Response.json(await postureSeries(actor, Object.fromEntries(new URL(req.url).searchParams))),
  { scopes: ["posture:read"] },
);
