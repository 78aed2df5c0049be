import { apiRoute, declared, idempotentJson } from "@/lib/server/api/route";
import { ingestConsentEvents } from "@/lib/server/consent/ingest-events";

export const POST = apiRoute(declared("post", "/api/v1/consent/events"), async ({ req, actor, body, idempotency }) => {
  const res = await ingestConsentEvents(actor, body, {
    requestGpc: req.headers.get("sec-gpc")?.trim() === "1",
    userAgent: req.headers.get("user-agent"),
    ip: actor.ip,
    source: "api",
    ...(idempotency.key !== null ? { idempotency: { scope: idempotency.scope, key: idempotency.key } } : {}),
  });
  return idempotentJson(res);
});
