import { withApiKey } from "@/lib/server/api/with-api-key";
import { createActivity, listActivities } from "@/lib/server/inventory/activities";
import { idempotentCreate, queryOf } from "@/lib/server/inventory/api-helpers";

export const GET = withApiKey(async (req, { actor }) => Response.json(await listActivities(actor, queryOf(req))), { scopes: ["inventory:read"] });

export const POST = withApiKey((req, { actor }) => idempotentCreate(req, actor, "inventory.activity", (body, transact) => createActivity(actor, body, transact)), { scopes: ["inventory:write"] });
