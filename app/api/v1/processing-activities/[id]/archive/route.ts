import { apiRoute, declared } from "@/lib/server/api/route";
import { archiveActivity } from "@/lib/server/inventory/lifecycle";

export const POST = apiRoute<{ id: string }>(declared("post", "/api/v1/processing-activities/{id}/archive"), async ({ actor, params }) => Response.json(await archiveActivity(actor, params.id)));
