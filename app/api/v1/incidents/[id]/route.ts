import { apiRoute, declared } from "@/lib/server/api/route";
import { getIncident } from "@/lib/server/breaches/query-incidents";
import { updateIncident } from "@/lib/server/breaches/update-incident";

export const GET = apiRoute<{ id: string }>(declared("get", "/api/v1/incidents/{id}"), async ({ actor, params }) => Response.json(await getIncident(actor, params.id)));

export const PATCH = apiRoute<{ id: string }>(declared("patch", "/api/v1/incidents/{id}"), async ({ actor, params, body }) => Response.json(await updateIncident(actor, params.id, body)));
