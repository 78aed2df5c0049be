import { readJson } from "@/lib/server/api/read-json";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { ingestConsentEvents } from "@/lib/server/consent/ingest-events";
import { recordConsentEvents } from "@/lib/server/metrics/metrics";

/** How many events a refused body held (for the rejected counter; 1 for a single event). */
const eventCount = (body: unknown) => (body && typeof body === "object" && Array.isArray((body as { events?: unknown }).events) ? (body as { events: unknown[] }).events.length : 1);

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
    }).catch((e: unknown) => {
      recordConsentEvents("rejected", eventCount(body));
      throw e;
    });
    if (!res.replayed) recordConsentEvents("accepted", res.body.accepted);
    return Response.json(res.body, { status: res.status, headers: res.replayed ? { "Idempotent-Replayed": "true" } : {} });
  },
  { scopes: ["consent:write"], rateLimit: "highVolume" },
);
