import { withIdempotency } from "@/lib/server/api/idempotency";
import { readJson } from "@/lib/server/api/read-json";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { createPurpose, listPurposes } from "@/lib/server/consent/purposes";

export const POST = withApiKey(
  async (req, { actor }) => {
    const body = await readJson(req);
    const res = await withIdempotency(
      `${actor.keyId}:POST /api/v1/consent/purposes`,
      req.headers.get("idempotency-key"),
      body,
      (transact) => createPurpose(actor, body, transact),
      (purpose) => ({ status: 201, body: purpose }),
    );
    return Response.json(res.body, { status: res.status, headers: res.replayed ? { "Idempotent-Replayed": "true" } : {} });
  },
  { scopes: ["consent:write"] },
);

export const GET = withApiKey(async (_req, { actor }) => Response.json({ purposes: await listPurposes(actor) }), { scopes: ["consent:read"] });
