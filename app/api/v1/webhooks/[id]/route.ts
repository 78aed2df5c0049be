import { withApiKey } from "@/lib/server/api/with-api-key";
import { deleteWebhook, getWebhook } from "@/lib/server/webhooks/endpoints";

export const GET = withApiKey<{ id: string }>(async (_req, { actor, params }) => Response.json(await getWebhook(actor, params.id)), { scopes: ["webhooks:manage"] });

export const DELETE = withApiKey<{ id: string }>(async (_req, { actor, params }) => Response.json(await deleteWebhook(actor, params.id)), { scopes: ["webhooks:manage"] });
