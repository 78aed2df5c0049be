import { apiRoute, declared } from "@/lib/server/api/route";
import { rotateCallbackSecret } from "@/lib/server/oversight/registry";

export const POST = apiRoute<{ id: string }>(declared("post", "/api/v1/ai-systems/{id}/callback-secret"), async ({ actor, params }) => Response.json(await rotateCallbackSecret(actor, params.id)));
