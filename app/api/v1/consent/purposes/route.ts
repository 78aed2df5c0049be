import { apiRoute, declared, idempotentWrite } from "@/lib/server/api/route";
import { createPurpose, listPurposes } from "@/lib/server/consent/purposes";

export const POST = apiRoute(declared("post", "/api/v1/consent/purposes"), async (ctx) =>
  idempotentWrite(ctx, (transact) => createPurpose(ctx.actor, ctx.body, transact), (purpose) => ({ status: 201, body: purpose })),
);

export const GET = apiRoute(declared("get", "/api/v1/consent/purposes"), async ({ actor }) => Response.json({ purposes: await listPurposes(actor) }));
