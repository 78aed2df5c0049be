import { readJson } from "@/lib/api/read-json";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { createAiSystem } from "@/lib/server/oversight/registry";

export const POST = withApiKey(async (req, { actor }) => Response.json(await createAiSystem(actor, await readJson(req)), { status: 201 }), { scopes: ["oversight:admin"] });
