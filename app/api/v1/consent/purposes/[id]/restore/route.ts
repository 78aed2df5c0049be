import { apiRoute, declared } from "@/lib/server/api/route";
import { restorePurpose } from "@/lib/server/consent/lifecycle";

export const POST = apiRoute<{ id: string }>(declared("post", "/api/v1/consent/purposes/{id}/restore"), async ({ actor, params }) => Response.json(await restorePurpose(actor, params.id)));
