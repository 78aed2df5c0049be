import { apiRoute, declared, idempotentWrite } from "@/lib/server/api/route";
import { markObligationSent } from "@/lib/server/breaches/track-obligation";

export const POST = apiRoute<{ id: string; obligationId: string }>(declared("post", "/api/v1/incidents/{id}/obligations/{obligationId}/sent"), async (ctx) =>
  idempotentWrite(ctx, (transact) => markObligationSent(ctx.actor, ctx.params.id, ctx.params.obligationId, ctx.body, transact), (sent) => ({ status: 200, body: sent })),
);
