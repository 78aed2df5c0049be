import { apiRoute, declared } from "@/lib/server/api/route";
import { restoreAiSystem } from "@/lib/server/oversight/lifecycle";

export const POST = apiRoute<{ id: string }>(declared("post", "/api/v1/ai-systems/{id}/restore"), async ({ actor, params }) => Response.json(await restoreAiSystem(actor, params.id)));
