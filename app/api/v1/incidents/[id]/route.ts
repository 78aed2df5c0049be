import { readJson } from "@/lib/server/api/read-json";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { getIncident } from "@/lib/server/breaches/query-incidents";
import { updateIncident } from "@/lib/server/breaches/update-incident";

export const GET = withApiKey<{ id: string }>(async (_req, { actor, params }) => Response.json(await getIncident(actor, params.id)), { scopes: ["incidents:read"] });

export const PATCH = withApiKey<{ id: string }>(
  async (req, { actor, params }) => {
    const body = await readJson(req);
    return Response.json(await updateIncident(actor, params.id, body));
  },
  { scopes: ["incidents:write"] },
);
