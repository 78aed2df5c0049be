import "server-only";
// Reading decisions: the API view for the AI system, the reviewer's page, the inbox, and
// the audited reveal of the encrypted inputs.
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { decrypt } from "@/lib/server/keys";
import { assertSystemScope, decisionView, DECISION_VIEW_SELECT, inputsContext, parseInput, REVIEW_SELECT, subjectContext } from "@/lib/server/oversight/common";
import { openDecisionsVotedBy, OPEN_STATUSES, personIdOf } from "@/lib/server/oversight/my-verdicts";
import { applySlaTimeout } from "@/lib/server/oversight/sla";
import { inboxQuerySchema, type DecisionStatus } from "@/lib/validation/oversight";

/** GET /api/v1/decisions/{id}. An overdue decision gets its timeout applied first. */
export async function getDecision(actor: Actor, decisionId: string) {
  await requirePermission(actor, "oversight:read", { type: "OversightDecision", id: decisionId });
  const head = await db().oversightDecision.findUnique({ where: { id: decisionId }, select: { aiSystemId: true, status: true, dueAt: true } });
  if (!head) throw new AppError("NOT_FOUND", "No such decision.");
  assertSystemScope(actor, head.aiSystemId);
  if ((head.status === "pending_review" || head.status === "escalated") && head.dueAt && head.dueAt <= new Date()) await applySlaTimeout(decisionId);
  const d = await db().oversightDecision.findUniqueOrThrow({ where: { id: decisionId }, select: DECISION_VIEW_SELECT });
  const reviews = await db().decisionReview.findMany({ where: { decisionId }, orderBy: { at: "asc" }, select: REVIEW_SELECT });
  return decisionView(d, reviews);
}

/** The reviewer's page: what they need to decide, without the encrypted inputs. */
export async function getDecisionDetail(actor: Actor, decisionId: string) {
  await requirePermission(actor, "oversight:read", { type: "OversightDecision", id: decisionId });
  const d = await db().oversightDecision.findUnique({ where: { id: decisionId } });
  if (!d) throw new AppError("NOT_FOUND", "No such decision.");
  assertSystemScope(actor, d.aiSystemId);
  const [system, version, reviews] = await Promise.all([
    db().aiSystem.findUnique({ where: { id: d.aiSystemId }, select: { id: true, name: true, riskTier: true, owner: true } }),
    db().aiModelVersion.findUnique({ where: { id: d.modelVersionId }, select: { version: true, artifactSha256: true, status: true, approvedByLabel: true, notes: true } }),
    db().decisionReview.findMany({ where: { decisionId }, orderBy: { at: "asc" } }),
  ]);
  const person = personIdOf(actor);
  const mine = person ? reviews.find((r) => r.reviewerId === person.userId && r.countKey !== null) : undefined;
  return {
    id: d.id,
    externalId: d.externalId,
    system: system ?? { id: d.aiSystemId, name: "(deleted)", riskTier: "unknown", owner: null },
    modelVersion: { label: d.modelVersionLabel, sha256: version?.artifactSha256 ?? null, status: version?.status ?? null, approvedBy: version?.approvedByLabel ?? null, notes: version?.notes ?? null },
    decisionType: d.decisionType,
    proposedOutcome: d.proposedOutcome,
    confidence: d.confidence,
    impact: d.impact,
    amount: d.amount,
    jurisdiction: d.jurisdiction,
    summary: d.summary,
    hasInputs: d.inputsEnc !== null,
    hasSubject: d.subjectRefEnc !== null,
    rule: { index: d.ruleIndex, policyRevision: d.policyRevision, json: d.ruleJson },
    requiredApprovals: d.requiredApprovals,
    approvals: d.approvals,
    rejections: d.rejections,
    rejectEnds: d.rejectEnds,
    // The viewer's own counted verdict: with one, the decision waits for others (four-eyes).
    myVerdict: mine ? { verdict: mine.verdict, at: mine.at.toISOString() } : null,
    slaHours: d.slaHours,
    onTimeout: d.onTimeout,
    escalateTo: d.escalateTo,
    escalatedAt: d.escalatedAt?.toISOString() ?? null,
    escalatedReason: d.escalatedReason,
    slaBreachedAt: d.slaBreachedAt?.toISOString() ?? null,
    status: d.status as DecisionStatus,
    finalOutcome: d.finalOutcome,
    createdAt: d.createdAt.toISOString(),
    dueAt: d.dueAt?.toISOString() ?? null,
    decidedAt: d.decidedAt?.toISOString() ?? null,
    reviews: reviews.map((r) => ({ id: r.id, reviewer: r.reviewerLabel, verdict: r.verdict, rationale: r.rationale, overrideOutcome: r.overrideOutcome, via: r.via, at: r.at.toISOString() })),
  };
}
export type DecisionDetail = Awaited<ReturnType<typeof getDecisionDetail>>;

/** Decrypts the inputs and the subject reference; the reveal is audited in the same transaction. */
export async function revealDecisionInputs(actor: Actor, decisionId: string) {
  await requirePermission(actor, "decision:reveal", { type: "OversightDecision", id: decisionId });
  return db().$transaction(async (tx) => {
    const d = await tx.oversightDecision.findUnique({ where: { id: decisionId }, select: { aiSystemId: true, externalId: true, inputsEnc: true, subjectRefEnc: true } });
    if (!d) throw new AppError("NOT_FOUND", "No such decision.");
    assertSystemScope(actor, d.aiSystemId);
    await appendAudit(tx, actor, { action: "oversight.decision.reveal", entityType: "OversightDecision", entityId: decisionId, diff: { fields: ["inputs", "subjectRef"] } });
    return {
      inputs: d.inputsEnc ? (JSON.parse(decrypt(d.inputsEnc, inputsContext(d.aiSystemId, d.externalId))) as unknown) : null,
      subjectRef: d.subjectRefEnc ? decrypt(d.subjectRefEnc, subjectContext(d.aiSystemId, d.externalId)) : null,
    };
  });
}

/**
 * The reviewer inbox: open decisions by due time, filtered and paginated in the database.
 * Those the viewer has already given their verdict on are not theirs to act on: they are
 * left out of `items` and listed in `waiting` (for another approver, under four-eyes).
 */
export async function listInbox(actor: Actor, query: unknown) {
  await requirePermission(actor, "oversight:read", { type: "OversightDecision" });
  const q = parseInput(inboxQuerySchema, query);
  const now = new Date();
  const person = personIdOf(actor);
  const voted = person ? await openDecisionsVotedBy(person.userId) : new Map<string, { verdict: string; at: Date }>();
  const filters = {
    status: { in: OPEN_STATUSES },
    ...(q.system ? { aiSystemId: q.system } : {}),
    ...(q.type ? { decisionType: q.type } : {}),
    ...(q.impact ? { impact: q.impact } : {}),
    ...(q.overdue ? { dueAt: { lte: now } } : {}),
    ...(actor.kind === "api_key" && actor.aiSystemId ? { aiSystemId: actor.aiSystemId } : {}),
  };
  const where = voted.size ? { ...filters, id: { notIn: [...voted.keys()] } } : filters;
  const [total, rows, waitingRows, systems, types] = await Promise.all([
    db().oversightDecision.count({ where }),
    db().oversightDecision.findMany({ where, orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize, select: INBOX_SELECT }),
    voted.size ? db().oversightDecision.findMany({ where: { ...filters, id: { in: [...voted.keys()] } }, orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }], take: 100, select: INBOX_SELECT }) : [],
    db().aiSystem.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().oversightDecision.groupBy({ by: ["decisionType"], where: { status: { in: OPEN_STATUSES } }, orderBy: { decisionType: "asc" }, take: 100 }),
  ]);
  const names = new Map(systems.map((s) => [s.id, s.name]));
  const view = (r: (typeof rows)[number]) => ({ ...r, system: names.get(r.aiSystemId) ?? "?", dueAt: r.dueAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(), overdue: !!r.dueAt && r.dueAt <= now });
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    pages: Math.max(1, Math.ceil(total / q.pageSize)),
    now: now.toISOString(),
    systems,
    types: types.map((t) => t.decisionType).sort(),
    items: rows.map(view),
    waiting: waitingRows.map((r) => ({ ...view(r), myVerdict: { verdict: voted.get(r.id)!.verdict, at: voted.get(r.id)!.at.toISOString() } })),
  };
}

const INBOX_SELECT = { id: true, aiSystemId: true, externalId: true, decisionType: true, proposedOutcome: true, confidence: true, impact: true, summary: true, status: true, dueAt: true, requiredApprovals: true, approvals: true, rejections: true, rejectEnds: true, modelVersionLabel: true, createdAt: true } as const;

/** Recent decided decisions, newest first (the overview's list). */
export async function listRecentDecisions(actor: Actor, take = 10) {
  await requirePermission(actor, "oversight:read", { type: "OversightDecision" });
  const rows = await db().oversightDecision.findMany({
    where: { decidedAt: { not: null } },
    orderBy: { decidedAt: "desc" },
    take,
    select: { id: true, externalId: true, decisionType: true, status: true, finalOutcome: true, decidedAt: true, modelVersionLabel: true },
  });
  return rows.map((r) => ({ ...r, decidedAt: r.decidedAt!.toISOString() }));
}
