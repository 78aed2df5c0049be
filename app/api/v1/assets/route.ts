import { withApiKey } from "@/lib/server/api/with-api-key";
import { createAsset, listAssets } from "@/lib/server/inventory/assets";
import { idempotentCreate, queryOf } from "@/lib/server/inventory/api-helpers";

export const GET = withApiKey(async (req, { actor }) => Response.json(await listAssets(actor, queryOf(req))), { scopes: ["inventory:read"] });

export const POST = withApiKey((req, { actor }) => idempotentCreate(req, actor, "inventory.asset", (body, transact) => createAsset(actor, body, transact)), { scopes: ["inventory:write"] });
