import { apiRoute, declared } from "@/lib/server/api/route";
import { restoreAsset } from "@/lib/server/inventory/lifecycle";

export const POST = apiRoute<{ id: string }>(declared("post", "/api/v1/assets/{id}/restore"), async ({ actor, params }) => Response.json(await restoreAsset(actor, params.id)));
