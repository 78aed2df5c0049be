import { readJson } from "@/lib/api/read-json";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { createWebhook, listWebhooks } from "@/lib/server/webhooks/endpoints";

// No Idempotency-Key replay here: the answer carries the signing secret, which must not be
// stored anywhere in clear (a lost answer means deleting the endpoint and registering again).
export const POST = withApiKey(async (req, { actor }) => Response.json(await createWebhook(actor, await readJson(req)), { status: 201 }), { scopes: ["webhooks:manage"] });

export const GET = withApiKey(async (_req, { actor }) => Response.json(await listWebhooks(actor)), { scopes: ["webhooks:manage"] });
