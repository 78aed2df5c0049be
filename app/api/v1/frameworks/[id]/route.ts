import { apiRoute, declared } from "@/lib/server/api/route";
import { frameworkDetail } from "@/lib/server/posture/frameworks/coverage";

export const GET = apiRoute<{ id: string }>(declared("get", "/api/v1/frameworks/{id}"), async ({ actor, params }) => {
  const d = await frameworkDetail(actor, params.id);
  return Response.json({ framework: d.framework, requirements: d.requirements });
});
