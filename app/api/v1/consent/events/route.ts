import { apiRoute, declared, idempotentJson } from "@/lib/server/api/route";
import { ingestConsentEvents } from "@/lib/server/consent/ingest-events";
import { recordConsentEvents } from "@/lib/server/metrics/metrics";

/** How many events a refused body held (for the rejected counter; 1 for a single event). */
const eventCount = (body: unknown) => (body && typeof body === "object" && Array.isArray((body as { events?: unknown }).events) ? (body as { events: unknown[] }).events.length : 1);

export const POST = apiRoute(declared("post", "/api/v1/consent/events"), async ({ req, actor, body, idempotency }) => {
  const res = await ingestConsentEvents(actor, body, {
    requestGpc: req.headers.get("sec-gpc")?.trim() === "1",
    userAgent: req.headers.get("user-agent"),
    ip: actor.ip,
    source: "api",
    ...(idempotency.key !== null ? { idempotency: { scope: idempotency.scope, key: idempotency.key } } : {}),
  }).catch((e: unknown) => {
    recordConsentEvents("rejected", eventCount(body));
    throw e;
  });
  if (!res.replayed) recordConsentEvents("accepted", res.body.accepted);
  return idempotentJson(res);
});
