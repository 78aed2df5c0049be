import { apiRoute, declared } from "@/lib/server/api/route";
import { createWebhook, listWebhooks } from "@/lib/server/webhooks/endpoints";

// No Idempotency-Key replay here: the answer carries the signing secret, which must not be
// stored anywhere in clear (a lost answer means deleting the endpoint and registering again).
export const POST = apiRoute(declared("post", "/api/v1/webhooks"), async ({ actor, body }) => Response.json(await createWebhook(actor, body), { status: 201 }));

export const GET = apiRoute(declared("get", "/api/v1/webhooks"), async ({ actor }) => Response.json(await listWebhooks(actor)));
