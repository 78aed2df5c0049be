import { acknowledgeAlert } from "@/lib/server/alerts/alerts";
import { apiRoute, declared } from "@/lib/server/api/route";

// Not idempotent by key: a second acknowledgement is refused with 409 (the alert is no longer open).
export const POST = apiRoute<{ id: string }>(declared("post", "/api/v1/alerts/{id}/acknowledge"), async ({ actor, params, body }) => Response.json(await acknowledgeAlert(actor, params.id, body)));
