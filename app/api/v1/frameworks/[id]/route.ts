import { withApiKey } from "@/lib/server/api/with-api-key";
import { frameworkDetail } from "@/lib/server/posture/frameworks/coverage";

export const GET = withApiKey<{ id: string }>(
  async (_req, { actor, params }) => {
    const d = await frameworkDetail(actor, params.id);
    return Response.json({ framework: d.framework, requirements: d.requirements });
  },
  { scopes: ["posture:read"] },
);
