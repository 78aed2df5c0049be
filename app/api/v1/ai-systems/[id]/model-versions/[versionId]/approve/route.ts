import { withApiKey } from "@/lib/server/api/with-api-key";
import { approveModelVersion } from "@/lib/server/oversight/registry";

export const POST = withApiKey<{ id: string; versionId: string }>(async (_req, { actor, params }) => Response.json(await approveModelVersion(actor, params.id, params.versionId)), {
  scopes: ["oversight:admin"],
});
