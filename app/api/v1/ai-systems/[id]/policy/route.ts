import { AppError } from "@/lib/errors";
import { apiRoute, declared } from "@/lib/server/api/route";
import { getEscalationPolicy, putEscalationPolicy } from "@/lib/server/oversight/policy";

export const PUT = apiRoute<{ id: string }>(declared("put", "/api/v1/ai-systems/{id}/policy"), async ({ actor, params, body }) => Response.json(await putEscalationPolicy(actor, params.id, body)));

export const GET = apiRoute<{ id: string }>(declared("get", "/api/v1/ai-systems/{id}/policy"), async ({ actor, params }) => {
  const policy = await getEscalationPolicy(actor, params.id);
  if (!policy) throw new AppError("NOT_FOUND", "This AI system has no escalation policy yet.");
  return Response.json(policy);
});
