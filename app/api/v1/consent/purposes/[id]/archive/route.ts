import { apiRoute, declared } from "@/lib/server/api/route";
import { archivePurpose } from "@/lib/server/consent/lifecycle";

export const POST = apiRoute<{ id: string }>(declared("post", "/api/v1/consent/purposes/{id}/archive"), async ({ actor, params }) => Response.json(await archivePurpose(actor, params.id)));
