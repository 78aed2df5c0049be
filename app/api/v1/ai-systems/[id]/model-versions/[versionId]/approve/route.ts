import { apiRoute, declared } from "@/lib/server/api/route";
import { approveModelVersion } from "@/lib/server/oversight/registry";

export const POST = apiRoute<{ id: string; versionId: string }>(declared("post", "/api/v1/ai-systems/{id}/model-versions/{versionId}/approve"), async ({ actor, params }) =>
  Response.json(await approveModelVersion(actor, params.id, params.versionId)),
);
