import "server-only";
// Security-sensitive: four-eyes review of an escalated decision. The rules live here, so
// the UI and the API (POST /api/v1/decisions/{id}/reviews) enforce the same ones:
// - only reviewers may review (admins and compliance officers when the policy allows, or
//   the role a timed-out decision was escalated to);
// - a rationale is required; each person counts once (unique countKey in the database);
// - whoever submitted or escalated the decision by hand cannot approve or override it;
// - a verdict through an API key counts only if the reviewer created that key themselves;
// - exactly one terminal outcome: the row changes only where its version is unchanged,
//   and nothing changes after the outcome (EU AI Act Art. 14(4); GDPR Art. 22(3)).
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit, recordAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";
import { enqueueCallback } from "@/lib/server/oversight/callbacks";
import { enqueueDecisionEvent, enqueueInfoRequestedEvent } from "@/lib/server/oversight/webhook-events";
import { decisionView, DECISION_VIEW_SELECT, isUniqueViolation, parseInput, personOf, REVIEW_SELECT, assertSystemScope } from "@/lib/server/oversight/common";
import { applyVerdict, isTerminal, mayReview } from "@/lib/oversight/outcome";
import { notifyDecisionEscalated, notifyInfoRequested } from "@/lib/server/notifications/events";
import { escalateSchema, reviewSchema, type DecisionStatus } from "@/lib/validation/oversight";

class VersionConflict extends Error {}
const MAX_ATTEMPTS = 5;

async function loadOpen(tx: Tx, actor: Actor, decisionId: string) {
  const d = await tx.oversightDecision.findUnique({ where: { id: decisionId } });
  if (!d) throw new AppError("NOT_FOUND", "No such decision.");
  assertSystemScope(actor, d.aiSystemId);
  if (isTerminal(d.status as DecisionStatus)) {
    throw new AppError("CONFLICT", `This decision is already ${d.status.replace("_", " ")}; nothing more can change.`, { status: d.status, finalOutcome: d.finalOutcome });
  }
  return d;
}

async function reviewer(tx: Tx, actor: Actor) {
  if (actor.kind === "api_key" && actor.aiSystemId) throw new AppError("FORBIDDEN", "An AI system cannot review decisions.");
  const person = await personOf(tx, actor);
  if (!person) throw new AppError("FORBIDDEN", "Reviews are made by a named person (a key must be bound to its reviewer).");
  return person;
}

export async function reviewDecision(actor: Actor, decisionId: string, input: unknown, via: "ui" | "api" = actor.kind === "api_key" ? "api" : "ui") {
  await requirePermission(actor, "decision:review", { type: "OversightDecision", id: decisionId });
  const data = parseInput(reviewSchema, input);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(async (tx) => {
        const d = await loadOpen(tx, actor, decisionId);
        const person = await reviewer(tx, actor);
        if (!mayReview(person.role, d)) throw new AppError("FORBIDDEN", "Your role may not review this decision under its policy.");
        if ((data.verdict === "approve" || data.verdict === "override") && (person.userId === d.submittedByUserId || person.userId === d.escalatedById)) {
          throw new AppError("FORBIDDEN", "You submitted or escalated this decision, so you cannot approve it (four-eyes).");
        }
        const counted = data.verdict !== "request_info";
        // Four-eyes counts people who acted themselves: a key someone else created for
        // this reviewer (an admin, the shell) is not their act, so it cannot add a verdict.
        if (counted && actor.kind === "api_key" && !actor.mintedByBoundUser) {
          throw new AppError("FORBIDDEN", "This API key was created by someone other than the reviewer it acts for, so its verdicts do not count as theirs. Review in the app, or create your own key under Account → API keys.");
        }
        if (counted && (await tx.decisionReview.findFirst({ where: { decisionId, reviewerId: person.userId, verdict: { not: "request_info" } }, select: { id: true } }))) {
          throw new AppError("CONFLICT", "You have already given your verdict on this decision; each person counts once.");
        }
        const t = applyVerdict(
          { status: d.status as DecisionStatus, requiredApprovals: d.requiredApprovals, approvals: d.approvals, rejections: d.rejections, rejectEnds: d.rejectEnds, proposedOutcome: d.proposedOutcome, onTimeout: d.onTimeout as "escalate" | "expire" | null },
          data.verdict,
          data.overrideOutcome,
        );
        const now = new Date();
        await tx.decisionReview.create({
          data: { decisionId, reviewerId: person.userId, reviewerLabel: person.label, via, verdict: data.verdict, rationale: data.rationale, overrideOutcome: data.overrideOutcome ?? null, countKey: counted ? `${decisionId}:${person.userId}` : null, at: now },
        });
        const res = await tx.oversightDecision.updateMany({
          where: { id: decisionId, version: d.version, status: d.status },
          data: {
            status: t.status,
            approvals: t.approvals,
            rejections: t.rejections,
            version: { increment: 1 },
            ...(t.terminal ? { finalOutcome: t.finalOutcome, decidedAt: now } : {}),
          },
        });
        if (res.count !== 1) throw new VersionConflict();
        await appendAudit(tx, actor, {
          action: `oversight.decision.review.${data.verdict}`,
          entityType: "OversightDecision",
          entityId: decisionId,
          diff: { via, before: d.status, after: t.status, approvals: t.approvals, finalOutcome: t.finalOutcome },
        });
        // A question changes nothing on the decision, so it must reach someone who can answer.
        if (data.verdict === "request_info") {
          await enqueueInfoRequestedEvent(tx, decisionId, now);
          await notifyInfoRequested(tx, decisionId);
        }
        if (t.terminal) await enqueueCallback(tx, decisionId);
        if (t.terminal) await enqueueDecisionEvent(tx, decisionId);
        const row = await tx.oversightDecision.findUniqueOrThrow({ where: { id: decisionId }, select: DECISION_VIEW_SELECT });
        const reviews = await tx.decisionReview.findMany({ where: { decisionId }, orderBy: { at: "asc" }, select: REVIEW_SELECT });
        return decisionView(row, reviews);
      });
    } catch (e) {
      // Someone else changed the decision between our read and our write: try again on
      // the fresh row (it may now be terminal, which answers 409 with the outcome).
      if (e instanceof VersionConflict && attempt < MAX_ATTEMPTS) continue;
      if (e instanceof VersionConflict) throw new AppError("CONFLICT", "The decision changed while you were reviewing it; reload and try again.");
      if (isUniqueViolation(e)) throw new AppError("CONFLICT", "You have already given your verdict on this decision; each person counts once.");
      // A refused review (wrong role, the submitter approving, an AI system reviewing) is
      // worth a trace of its own: the transaction that would have recorded it rolled back.
      if (e instanceof AppError && e.code === "FORBIDDEN") {
        await recordAudit(actor, { action: "oversight.decision.review.refused", entityType: "OversightDecision", entityId: decisionId, diff: { verdict: data.verdict, reason: e.message } });
      }
      throw e;
    }
  }
}

/** A person escalates a decision by hand (e.g. to a compliance officer); they cannot then approve it. */
export async function escalateDecision(actor: Actor, decisionId: string, input: unknown) {
  await requirePermission(actor, "decision:review", { type: "OversightDecision", id: decisionId });
  const data = parseInput(escalateSchema, input);
  return db().$transaction(async (tx) => {
    const d = await loadOpen(tx, actor, decisionId);
    const person = await reviewer(tx, actor);
    if (!mayReview(person.role, d)) throw new AppError("FORBIDDEN", "Your role may not act on this decision under its policy.");
    if (d.status === "escalated") throw new AppError("CONFLICT", "This decision is already escalated.");
    const now = new Date();
    const res = await tx.oversightDecision.updateMany({
      where: { id: decisionId, version: d.version, status: d.status },
      data: { status: "escalated", escalatedAt: now, escalatedById: person.userId, escalatedReason: data.reason, escalateTo: d.escalateTo ?? "compliance_officer", version: { increment: 1 } },
    });
    if (res.count !== 1) throw new AppError("CONFLICT", "The decision changed meanwhile; reload and try again.");
    await enqueueDecisionEvent(tx, decisionId, "manual");
    await appendAudit(tx, actor, { action: "oversight.decision.escalate", entityType: "OversightDecision", entityId: decisionId, diff: { by: person.label, reason: data.reason, to: d.escalateTo ?? "compliance_officer" } });
    await notifyDecisionEscalated(tx, decisionId, d.escalateTo ?? "compliance_officer");
    return { id: decisionId, status: "escalated" as const };
  });
}
