import { readJson } from "@/lib/server/api/read-json";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { withIdempotency } from "@/lib/server/api/idempotency";
import { markObligationSent } from "@/lib/server/breaches/track-obligation";

export const POST = withApiKey<{ id: string; obligationId: string }>(
  async (req, { actor, params }) => {
    const body = await readJson(req);
    const res = await withIdempotency(
      `incidents:sent:${actor.keyId}:${params.obligationId}`,
      req.headers.get("idempotency-key"),
      body,
      (transact) => markObligationSent(actor, params.id, params.obligationId, body, transact),
      (sent) => ({ status: 200, body: sent }),
    );
    return Response.json(res.body, { status: res.status });
  },
  { scopes: ["incidents:write"] },
);
