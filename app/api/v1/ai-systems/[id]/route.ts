import { apiRoute, declared } from "@/lib/server/api/route";
import { getAiSystem, updateAiSystem } from "@/lib/server/oversight/registry";

export const GET = apiRoute<{ id: string }>(declared("get", "/api/v1/ai-systems/{id}"), async ({ actor, params }) => Response.json(await getAiSystem(actor, params.id)));

export const PATCH = apiRoute<{ id: string }>(declared("patch", "/api/v1/ai-systems/{id}"), async ({ actor, params, body }) => Response.json(await updateAiSystem(actor, params.id, body)));
