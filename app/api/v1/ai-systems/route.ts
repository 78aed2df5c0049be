import { apiRoute, declared } from "@/lib/server/api/route";
import { createAiSystem } from "@/lib/server/oversight/registry";

export const POST = apiRoute(declared("post", "/api/v1/ai-systems"), async ({ actor, body }) => Response.json(await createAiSystem(actor, body), { status: 201 }));
