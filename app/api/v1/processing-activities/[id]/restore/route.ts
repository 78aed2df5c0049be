import { apiRoute, declared } from "@/lib/server/api/route";
import { restoreActivity } from "@/lib/server/inventory/lifecycle";

export const POST = apiRoute<{ id: string }>(declared("post", "/api/v1/processing-activities/{id}/restore"), async ({ actor, params }) => Response.json(await restoreActivity(actor, params.id)));
