import "server-only";
// The AI-decision part of "Needs attention": open decisions past or near their SLA. A
// reviewer sees only those they can act on (their role may review it under its policy and
// they have not given their verdict yet); other readers see all of them, marked when they
// may review. Three queries whatever the number of decisions.
import { deadlineTier, dueWording, type AttentionItem } from "@/lib/dashboard/attention";
import { mayReview } from "@/lib/oversight/outcome";
import type { Actor } from "@/lib/server/actor";
import { can } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { OPEN_STATUSES, personIdOf, verdictsOn } from "@/lib/server/oversight/my-verdicts";

const SELECT = { id: true, aiSystemId: true, decisionType: true, externalId: true, status: true, dueAt: true, escalateTo: true, allowAdminReview: true, slaBreachedAt: true, requiredApprovals: true, approvals: true } as const;

export async function decisionAttention(actor: Actor, now: Date, windowEnd: Date): Promise<{ items: AttentionItem[]; next: { title: string; dueAt: Date; href: string } | null }> {
  const scope = actor.kind === "api_key" && actor.aiSystemId ? { aiSystemId: actor.aiSystemId } : {};
  const [near, later, systems] = await Promise.all([
    db().oversightDecision.findMany({ where: { status: { in: OPEN_STATUSES }, dueAt: { not: null, lte: windowEnd }, ...scope }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: 100, select: SELECT }),
    db().oversightDecision.findMany({ where: { status: { in: OPEN_STATUSES }, dueAt: { gt: windowEnd }, ...scope }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: 20, select: SELECT }),
    db().aiSystem.findMany({ select: { id: true, name: true } }),
  ]);
  const person = personIdOf(actor);
  const voted = person ? await verdictsOn(person.userId, [...near, ...later].map((d) => d.id)) : new Map();
  const reviewerOnly = person?.role === "reviewer";
  const actionable = (d: (typeof near)[number]) => !!person && can(actor, "decision:review") && mayReview(person.role, d) && !voted.has(d.id);
  const visible = (d: (typeof near)[number]) => (reviewerOnly ? actionable(d) : true);
  const names = new Map(systems.map((s) => [s.id, s.name]));
  const title = (d: (typeof near)[number]) => `${d.decisionType} · ${d.externalId} from ${names.get(d.aiSystemId) ?? "an AI system"}`;
  const items: AttentionItem[] = [];
  for (const d of near.filter(visible)) {
    const tier = deadlineTier(d.dueAt!, now, windowEnd.getTime() - now.getTime());
    if (tier === null) continue;
    const notes = [
      d.status === "escalated" ? `escalated to ${(d.escalateTo ?? "compliance_officer").replace("_", " ")}` : null,
      `${d.approvals} of ${d.requiredApprovals} approvals`,
      !reviewerOnly && actionable(d) ? "you can review" : null,
    ].filter(Boolean);
    items.push({ key: `decision:${d.id}`, kind: "decision", tier, title: title(d), when: `review ${dueWording(d.dueAt!, now)}`, note: notes.join("; "), dueAt: d.dueAt!.toISOString(), overdue: d.dueAt! <= now, href: `/oversight/decisions/${d.id}`, weight: 0 });
  }
  const n = later.find(visible);
  return { items, next: n ? { title: `Review of ${title(n)}`, dueAt: n.dueAt!, href: `/oversight/decisions/${n.id}` } : null };
}
