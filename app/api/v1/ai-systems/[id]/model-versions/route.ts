import { apiRoute, declared } from "@/lib/server/api/route";
import { createModelVersion } from "@/lib/server/oversight/registry";

export const POST = apiRoute<{ id: string }>(declared("post", "/api/v1/ai-systems/{id}/model-versions"), async ({ actor, params, body }) =>
  Response.json(await createModelVersion(actor, params.id, body), { status: 201 }),
);
