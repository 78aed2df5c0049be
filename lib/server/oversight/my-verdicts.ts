import "server-only";
// Which open decisions a person has already given their counted verdict on (approve, reject,
// override; a request for information does not count). Under four-eyes such a decision
// waits for someone else: the inbox and the dashboard stop offering it to that person.
// The rule that refuses a second verdict is in review-decision.ts (and the unique countKey).
import type { Actor } from "@/lib/server/actor";
import { db, dialect } from "@/lib/server/db";

export const OPEN_STATUSES = ["pending_review", "escalated"];
export type MyVerdict = { verdict: string; at: Date };

/** The person an actor acts for, if any (a signed-in user, or a key bound to one; never an AI system's key). */
export function personIdOf(actor: Actor): { userId: string; role: string } | null {
  if (actor.kind === "user") return { userId: actor.userId, role: actor.role };
  if (actor.kind === "api_key" && actor.userId && actor.role && !actor.aiSystemId) return { userId: actor.userId, role: actor.role };
  return null;
}

/** The person's counted verdicts on the given decisions. */
export async function verdictsOn(userId: string, decisionIds: string[]): Promise<Map<string, MyVerdict>> {
  if (decisionIds.length === 0) return new Map();
  const rows = await db().decisionReview.findMany({ where: { reviewerId: userId, decisionId: { in: decisionIds }, countKey: { not: null } }, select: { decisionId: true, verdict: true, at: true } });
  return new Map(rows.map((r) => [r.decisionId, { verdict: r.verdict, at: r.at }]));
}

/**
 * When the oldest open decision was created. On PostgreSQL "the first open one by createdAt"
 * is planned as a walk of the createdAt index from the oldest decision, past every decided
 * one (open decisions are the newest: 107 ms at 195,000 decided), on every inbox view; the
 * open ones are few and on the (status, dueAt) index, so they are read there and the minimum
 * taken (3 ms). OFFSET 0 keeps the planner from turning MIN back into that index walk.
 */
async function oldestOpenDecisionAt(): Promise<Date | null> {
  if (dialect() === "postgresql") {
    const [r] = await db().$queryRaw<{ at: Date | null }[]>`SELECT MIN("createdAt") AS "at" FROM (SELECT "createdAt" FROM "OversightDecision" WHERE "status" = ANY(${OPEN_STATUSES}::text[]) OFFSET 0) AS o`;
    return r?.at ? new Date(r.at) : null;
  }
  return (await db().oversightDecision.findFirst({ where: { status: { in: OPEN_STATUSES } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }))?.createdAt ?? null;
}

/**
 * The open decisions the person has a counted verdict on. Reviews older than the oldest open
 * decision cannot be on an open one, so only the person's recent reviews are read.
 */
export async function openDecisionsVotedBy(userId: string): Promise<Map<string, MyVerdict>> {
  const oldest = await oldestOpenDecisionAt();
  if (!oldest) return new Map();
  const mine = await db().decisionReview.findMany({ where: { reviewerId: userId, countKey: { not: null }, at: { gte: oldest } }, select: { decisionId: true, verdict: true, at: true } });
  if (mine.length === 0) return new Map();
  const open = await db().oversightDecision.findMany({ where: { id: { in: mine.map((r) => r.decisionId) }, status: { in: OPEN_STATUSES } }, select: { id: true } });
  const ids = new Set(open.map((d) => d.id));
  return new Map(mine.filter((r) => ids.has(r.decisionId)).map((r) => [r.decisionId, { verdict: r.verdict, at: r.at }]));
}
