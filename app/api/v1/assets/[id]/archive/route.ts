import { apiRoute, declared } from "@/lib/server/api/route";
import { archiveAsset } from "@/lib/server/inventory/lifecycle";

export const POST = apiRoute<{ id: string }>(declared("post", "/api/v1/assets/{id}/archive"), async ({ actor, params }) => Response.json(await archiveAsset(actor, params.id)));
