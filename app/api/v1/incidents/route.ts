import { readJson } from "@/lib/server/api/read-json";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { withIdempotency } from "@/lib/server/api/idempotency";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { listIncidents } from "@/lib/server/breaches/query-incidents";

export const POST = withApiKey(
  async (req, { actor }) => {
    const body = await readJson(req);
    const res = await withIdempotency(
      `incidents:create:${actor.keyId}`,
      req.headers.get("idempotency-key"),
      body,
      (transact) => createIncident(actor, body, transact),
      (incident) => ({ status: 201, body: { id: incident.id, reference: incident.reference, obligations: incident.obligations, encrypted: incident.encrypted, assets: incident.assets } }),
    );
    return Response.json(res.body, { status: res.status, headers: res.replayed ? { "Idempotent-Replayed": "true" } : {} });
  },
  { scopes: ["incidents:write"] },
);

export const GET = withApiKey(
  async (req, { actor }) => {
    const url = new URL(req.url);
    const page = Number(url.searchParams.get("page") ?? "1");
    return Response.json(await listIncidents(actor, { page: Number.isFinite(page) ? page : 1, status: url.searchParams.get("status") ?? undefined }));
  },
  { scopes: ["incidents:read"] },
);
