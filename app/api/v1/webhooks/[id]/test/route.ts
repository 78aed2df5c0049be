import { apiRoute, declared } from "@/lib/server/api/route";
import { sendTestEvent } from "@/lib/server/webhooks/endpoints";

export const POST = apiRoute<{ id: string }>(declared("post", "/api/v1/webhooks/{id}/test"), async ({ actor, params }) => Response.json(await sendTestEvent(actor, params.id), { status: 202 }));
