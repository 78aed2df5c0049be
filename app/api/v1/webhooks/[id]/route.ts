import { apiRoute, declared } from "@/lib/server/api/route";
import { deleteWebhook, getWebhook } from "@/lib/server/webhooks/endpoints";

export const GET = apiRoute<{ id: string }>(declared("get", "/api/v1/webhooks/{id}"), async ({ actor, params }) => Response.json(await getWebhook(actor, params.id)));

export const DELETE = apiRoute<{ id: string }>(declared("delete", "/api/v1/webhooks/{id}"), async ({ actor, params }) => Response.json(await deleteWebhook(actor, params.id)));
