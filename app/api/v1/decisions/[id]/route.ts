import { withApiKey } from "@/lib/server/api/with-api-key";
import { getDecision } from "@/lib/server/oversight/read-decisions";
import { ensureOversightJobs } from "@/lib/server/oversight/scheduler";

export const GET = withApiKey<{ id: string }>(
  async (_req, { actor, params }) => {
    ensureOversightJobs();
    return Response.json(await getDecision(actor, params.id));
  },
  { scopes: ["decisions:read"] },
);
