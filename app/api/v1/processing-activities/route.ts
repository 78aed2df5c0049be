import { apiRoute, declared, idempotentWrite } from "@/lib/server/api/route";
import { createActivity, listActivities } from "@/lib/server/inventory/activities";

export const GET = apiRoute(declared("get", "/api/v1/processing-activities"), async ({ actor, req }) => Response.json(await listActivities(actor, Object.fromEntries(new URL(req.url).searchParams))));

export const POST = apiRoute(declared("post", "/api/v1/processing-activities"), async (ctx) =>
  idempotentWrite(ctx, (transact) => createActivity(ctx.actor, ctx.body, transact), (dto) => ({ status: 201, body: dto })),
);
