import { readJson } from "@/lib/api/read-json";
import { withIdempotency } from "@/lib/server/api/idempotency";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { kickOversightJobs } from "@/lib/server/oversight/scheduler";
import { submitDecision } from "@/lib/server/oversight/submit-decision";

export const POST = withApiKey(
  async (req, { actor }) => {
    const body = await readJson(req);
    const res = await withIdempotency(
      `${actor.keyId}:POST /api/v1/decisions`,
      req.headers.get("idempotency-key"),
      body,
      (transact) => submitDecision(actor, body, transact),
      (decision) => ({ status: 201, body: decision }),
    );
    if (!res.replayed && (res.body as { status?: string }).status === "auto_accepted") kickOversightJobs();
    return Response.json(res.body, { status: res.status, headers: res.replayed ? { "Idempotent-Replayed": "true" } : {} });
  },
  { scopes: ["decisions:write"] },
);
