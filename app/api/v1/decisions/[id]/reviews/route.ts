import { apiRoute, declared } from "@/lib/server/api/route";
import { reviewDecision } from "@/lib/server/oversight/review-decision";
import { kickOversightJobs } from "@/lib/server/oversight/scheduler";

export const POST = apiRoute<{ id: string }>(declared("post", "/api/v1/decisions/{id}/reviews"), async ({ actor, params, body }) => {
  const view = await reviewDecision(actor, params.id, body, "api");
  if (!["pending_review", "escalated"].includes(view.status)) kickOversightJobs();
  return Response.json(view, { status: 201 });
});
