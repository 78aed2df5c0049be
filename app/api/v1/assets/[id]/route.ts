import { apiRoute, declared } from "@/lib/server/api/route";
import { getAsset, updateAsset } from "@/lib/server/inventory/assets";

export const GET = apiRoute<{ id: string }>(declared("get", "/api/v1/assets/{id}"), async ({ actor, params }) => Response.json(await getAsset(actor, params.id)));

export const PATCH = apiRoute<{ id: string }>(declared("patch", "/api/v1/assets/{id}"), async ({ actor, params, body }) => Response.json(await updateAsset(actor, params.id, body)));
