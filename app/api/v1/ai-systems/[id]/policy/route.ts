import { readJson } from "@/lib/api/read-json";
import { AppError } from "@/lib/errors";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { getEscalationPolicy, putEscalationPolicy } from "@/lib/server/oversight/policy";

export const PUT = withApiKey<{ id: string }>(async (req, { actor, params }) => Response.json(await putEscalationPolicy(actor, params.id, await readJson(req))), { scopes: ["oversight:admin"] });

export const GET = withApiKey<{ id: string }>(
  async (_req, { actor, params }) => {
    const policy = await getEscalationPolicy(actor, params.id);
    if (!policy) throw new AppError("NOT_FOUND", "This AI system has no escalation policy yet.");
    return Response.json(policy);
  },
  { scopes: ["oversight:admin"] },
);
