import { AppError } from "@/lib/errors";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { withIdempotency } from "@/lib/server/api/idempotency";
import { markObligationSent } from "@/lib/server/breaches/track-obligation";

export const POST = withApiKey<{ id: string; obligationId: string }>(
  async (req, { actor, params }) => {
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      throw new AppError("BAD_REQUEST", "The request body must be JSON.");
    }
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
