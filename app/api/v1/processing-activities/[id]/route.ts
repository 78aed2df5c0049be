import { apiRoute, declared } from "@/lib/server/api/route";
import { getActivity, updateActivity } from "@/lib/server/inventory/activities";

export const GET = apiRoute<{ id: string }>(declared("get", "/api/v1/processing-activities/{id}"), async ({ actor, params }) => Response.json(await getActivity(actor, params.id)));

export const PATCH = apiRoute<{ id: string }>(declared("patch", "/api/v1/processing-activities/{id}"), async ({ actor, params, body }) => Response.json(await updateActivity(actor, params.id, body)));
