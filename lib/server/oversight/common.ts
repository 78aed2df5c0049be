import "server-only";
// Shared helpers of the oversight data layer: who the acting person is, parsing, DTOs.
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { parseSafe } from "@/lib/validation/safe-input";
import type { Tx } from "@/lib/server/db";
import type { DecisionStatus, Verdict } from "@/lib/validation/oversight";

export const parseInput = parseSafe;

/** The person behind an actor (a signed-in user or a key bound to one), or null. */
export async function personOf(tx: Tx, actor: Actor): Promise<{ userId: string; label: string; role: string } | null> {
  const userId = actor.kind === "user" ? actor.userId : actor.kind === "api_key" ? actor.userId : null;
  if (!userId) return null;
  const u = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true, disabledAt: true } });
  if (!u || u.disabledAt) return null;
  return { userId, label: u.email, role: u.role };
}

/** Registry changes through the API must come from a key acting for a named person. */
export function requireNamedActor(actor: Actor) {
  if (actor.kind === "api_key" && !actor.userId) {
    throw new AppError("FORBIDDEN", "Registry keys must be bound to a compliance officer or admin.");
  }
  if (actor.kind === "api_key" && actor.aiSystemId) {
    throw new AppError("FORBIDDEN", "A key bound to an AI system cannot change the registry.");
  }
}

/** A key bound to one AI system sees only that system's decisions; others get 404. */
export function assertSystemScope(actor: Actor, aiSystemId: string) {
  if (actor.kind === "api_key" && actor.aiSystemId && actor.aiSystemId !== aiSystemId) {
    throw new AppError("NOT_FOUND", "No such decision.");
  }
}

export type DecisionRow = {
  id: string;
  externalId: string;
  status: string;
  finalOutcome: string | null;
  dueAt: Date | null;
  decidedAt: Date | null;
  requiredApprovals: number;
  approvals: number;
};
export type ReviewRow = { reviewerLabel: string; verdict: string; rationale: string; at: Date };

/** The API view of a decision (GET /api/v1/decisions/{id} and the callback body). */
export function decisionView(d: DecisionRow, reviews: ReviewRow[]) {
  return {
    id: d.id,
    externalId: d.externalId,
    status: d.status as DecisionStatus,
    finalOutcome: d.finalOutcome,
    requiredApprovals: d.requiredApprovals,
    approvals: d.approvals,
    reviews: reviews.map((r) => ({ reviewer: r.reviewerLabel, verdict: r.verdict as Verdict, rationale: r.rationale, at: r.at.toISOString() })),
    dueAt: d.dueAt?.toISOString() ?? null,
    decidedAt: d.decidedAt?.toISOString() ?? null,
  };
}
export type DecisionView = ReturnType<typeof decisionView>;

export const DECISION_VIEW_SELECT = { id: true, externalId: true, status: true, finalOutcome: true, dueAt: true, decidedAt: true, requiredApprovals: true, approvals: true } as const;
export const REVIEW_SELECT = { reviewerLabel: true, verdict: true, rationale: true, at: true } as const;

export const inputsContext = (aiSystemId: string, externalId: string) => `oversight.decision:${aiSystemId}:${externalId}:inputs`;
export const subjectContext = (aiSystemId: string, externalId: string) => `oversight.decision:${aiSystemId}:${externalId}:subject`;
export const SUBJECT_INDEX_CONTEXT = "oversight.decision.subject";
export const SECRET_CONTEXT = "oversight.callback-secret";

export { isUniqueViolation } from "@/lib/errors";
