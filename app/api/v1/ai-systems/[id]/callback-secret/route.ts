import { withApiKey } from "@/lib/server/api/with-api-key";
import { rotateCallbackSecret } from "@/lib/server/oversight/registry";

export const POST = withApiKey<{ id: string }>(async (_req, { actor, params }) => Response.json(await rotateCallbackSecret(actor, params.id)), { scopes: ["oversight:admin"] });
