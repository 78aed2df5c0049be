import { withApiKey } from "@/lib/server/api/with-api-key";
import { getAsset, updateAsset } from "@/lib/server/inventory/assets";
import { jsonBody } from "@/lib/server/inventory/api-helpers";

export const GET = withApiKey<{ id: string }>(async (_req, { actor, params }) => Response.json(await getAsset(actor, params.id)), { scopes: ["inventory:read"] });

export const PATCH = withApiKey<{ id: string }>(async (req, { actor, params }) => Response.json(await updateAsset(actor, params.id, await jsonBody(req))), { scopes: ["inventory:write"] });
