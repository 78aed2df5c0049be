import { apiRoute, declared, idempotentWrite } from "@/lib/server/api/route";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { listIncidents } from "@/lib/server/breaches/query-incidents";

export const POST = apiRoute(declared("post", "/api/v1/incidents"), async (ctx) =>
  idempotentWrite(
    ctx,
    (transact) => createIncident(ctx.actor, ctx.body, transact),
    (incident) => ({ status: 201, body: { id: incident.id, reference: incident.reference, obligations: incident.obligations, encrypted: incident.encrypted, assets: incident.assets } }),
  ),
);

export const GET = apiRoute(declared("get", "/api/v1/incidents"), async ({ actor, query }) => {
  const page = Number(query.page ?? "1");
  return Response.json(await listIncidents(actor, { page: Number.isFinite(page) ? page : 1, status: query.status as string | undefined }));
});
