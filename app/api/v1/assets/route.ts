import { apiRoute, declared, idempotentWrite } from "@/lib/server/api/route";
import { createAsset, listAssets } from "@/lib/server/inventory/assets";

export const GET = apiRoute(declared("get", "/api/v1/assets"), async ({ actor, req }) => Response.json(await listAssets(actor, Object.fromEntries(new URL(req.url).searchParams))));

export const POST = apiRoute(declared("post", "/api/v1/assets"), async (ctx) =>
  idempotentWrite(ctx, (transact) => createAsset(ctx.actor, ctx.body, transact), (dto) => ({ status: 201, body: dto })),
);
