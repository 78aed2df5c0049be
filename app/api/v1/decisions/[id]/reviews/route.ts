import { readJson } from "@/lib/api/read-json";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { reviewDecision } from "@/lib/server/oversight/review-decision";
import { kickOversightJobs } from "@/lib/server/oversight/scheduler";

export const POST = withApiKey<{ id: string }>(
  async (req, { actor, params }) => {
    const view = await reviewDecision(actor, params.id, await readJson(req), "api");
    if (!["pending_review", "escalated"].includes(view.status)) kickOversightJobs();
    return Response.json(view, { status: 201 });
  },
  { scopes: ["decisions:review"] },
);
