import { readJson } from "@/lib/api/read-json";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { createModelVersion } from "@/lib/server/oversight/registry";

export const POST = withApiKey<{ id: string }>(async (req, { actor, params }) => Response.json(await createModelVersion(actor, params.id, await readJson(req)), { status: 201 }), {
  scopes: ["oversight:admin"],
});
