import { withApiKey } from "@/lib/server/api/with-api-key";
import { sendTestEvent } from "@/lib/server/webhooks/endpoints";

export const POST = withApiKey<{ id: string }>(async (_req, { actor, params }) => Response.json(await sendTestEvent(actor, params.id), { status: 202 }), { scopes: ["webhooks:manage"] });
