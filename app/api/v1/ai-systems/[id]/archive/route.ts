import { apiRoute, declared } from "@/lib/server/api/route";
import { archiveAiSystem } from "@/lib/server/oversight/lifecycle";

export const POST = apiRoute<{ id: string }>(declared("post", "/api/v1/ai-systems/{id}/archive"), async ({ actor, params }) => Response.json(await archiveAiSystem(actor, params.id)));
