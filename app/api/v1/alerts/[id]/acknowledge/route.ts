import { readJson } from "@/lib/api/read-json";
import { acknowledgeAlert } from "@/lib/server/alerts/alerts";
import { withApiKey } from "@/lib/server/api/with-api-key";

// Not idempotent by key: a second acknowledgement is refused with 409 (the alert is no longer open).
export const POST = withApiKey<{ id: string }>(async (req, { actor, params }) => Response.json(await acknowledgeAlert(actor, params.id, await readJson(req, 16_000))), { scopes: ["alerts:write"] });
