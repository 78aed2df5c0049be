import { withApiKey } from "@/lib/server/api/with-api-key";
import { getActivity, updateActivity } from "@/lib/server/inventory/activities";
import { jsonBody } from "@/lib/server/inventory/api-helpers";

export const GET = withApiKey<{ id: string }>(async (_req, { actor, params }) => Response.json(await getActivity(actor, params.id)), { scopes: ["inventory:read"] });

export const PATCH = withApiKey<{ id: string }>(async (req, { actor, params }) => Response.json(await updateActivity(actor, params.id, await jsonBody(req))), { scopes: ["inventory:write"] });
