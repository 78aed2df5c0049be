import { withIdempotency } from "@/lib/server/api/idempotency";
import { apiRoute, declared, idempotentJson } from "@/lib/server/api/route";
import { kickOversightJobs } from "@/lib/server/oversight/scheduler";
import { submitDecision } from "@/lib/server/oversight/submit-decision";

export const POST = apiRoute(declared("post", "/api/v1/decisions"), async ({ actor, body, idempotency }) => {
  const res = await withIdempotency(idempotency.scope, idempotency.key, body, (transact) => submitDecision(actor, body, transact), (decision) => ({ status: 201, body: decision }));
  if (!res.replayed && (res.body as { status?: string }).status === "auto_accepted") kickOversightJobs();
  return idempotentJson(res);
});
