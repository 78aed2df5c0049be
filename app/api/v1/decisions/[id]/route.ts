import { apiRoute, declared } from "@/lib/server/api/route";
import { getDecision } from "@/lib/server/oversight/read-decisions";

export const GET = apiRoute<{ id: string }>(declared("get", "/api/v1/decisions/{id}"), async ({ actor, params }) => Response.json(await getDecision(actor, params.id)));
