import { readJson } from "@/lib/server/api/read-json";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { ingestConsentEvents } from "@/lib/server/consent/ingest-events";

export const POST = withApiKey(
  async (req, { actor }) => {
    const body = await readJson(req);
    const key = req.headers.get("idempotency-key");
    const res = await ingestConsentEvents(actor, body, {
      requestGpc: req.headers.get("sec-gpc")?.trim() === "1",
      userAgent: req.headers.get("user-agent"),
      ip: actor.ip,
      source: "api",
      ...(key !== null ? { idempotency: { scope: `${actor.keyId}:POST /api/v1/consent/events`, key } } : {}),
    });
    return Response.json(res.body, { status: res.status, headers: res.replayed ? { "Idempotent-Replayed": "true" } : {} });
  },
  { scopes: ["consent:write"], rateLimit: "highVolume" },
);
