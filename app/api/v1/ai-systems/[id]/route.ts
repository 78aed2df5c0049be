import { readJson } from "@/lib/api/read-json";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { getAiSystem, updateAiSystem } from "@/lib/server/oversight/registry";

export const GET = withApiKey<{ id: string }>(async (_req, { actor, params }) => Response.json(await getAiSystem(actor, params.id)), { scopes: ["oversight:admin"] });

export const PATCH = withApiKey<{ id: string }>(async (req, { actor, params }) => Response.json(await updateAiSystem(actor, params.id, await readJson(req))), { scopes: ["oversight:admin"] });
