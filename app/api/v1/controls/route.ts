import { apiRoute, declared } from "@/lib/server/api/route";
import { listControls } from "@/lib/server/posture/controls";
import { requirementsByControl } from "@/lib/server/posture/frameworks/api-views";

export const GET = apiRoute(declared("get", "/api/v1/controls"), async ({ actor, req }) => {
    const page = await listControls(actor, Object.fromEntries(new URL(req.url).searchParams));
    const mapped = await requirementsByControl(actor, page.controls.map((c) => c.id));
    return Response.json({
      ...page,
      controls: page.controls.map((c) => ({
        id: c.id, title: c.title, area: c.area, framework: c.framework, citation: c.citation, owner: c.owner,
        frequencyDays: c.frequencyDays, weight: c.weight, status: c.status, statusSource: c.statusSource, automated: !!c.automated,
        test: c.test ? { status: c.test.status, detail: c.test.detail, failingCount: c.test.failing.length, testedAt: c.test.testedAt } : null,
        override: c.override ? { status: c.override.status, reason: c.override.reason } : null,
        lastReviewedAt: c.lastReviewedAt, nextReviewAt: c.nextReviewAt, overdue: c.overdue,
        requirements: mapped.get(c.id) ?? [],
      })),
    });
});
