import { withApiKey } from "@/lib/server/api/with-api-key";
import { getDecision } from "@/lib/server/oversight/read-decisions";

export const GET = withApiKey<{ id: string }>(
  async (_req, { actor, params }) => {
    return Response.json(await getDecision(actor, params.id));
  },
  { scopes: ["decisions:read"] },
);
