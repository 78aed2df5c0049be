import "server-only";
import { cache } from "react";
import { AppError, conflictOnUnique, validationError } from "@/lib/errors";
import { countByStatus, postureScores } from "@/lib/posture/score";
import { controlFilterSchema, controlIdSchema, createControlSchema, updateControlSchema } from "@/lib/validation/posture";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { archivedWhere } from "@/lib/server/lifecycle/archive";
import type { ArchivedFilter } from "@/lib/validation/lifecycle";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { statusWithEvidence } from "@/lib/posture/frameworks/evidence-freshness";
import { CONTROL_SELECT, toControlDto, type ControlDto } from "./control-dto";

/** Controls whose latest review had evidence and all of it has expired. */
async function expiredEvidenceControls(now: Date): Promise<Set<string>> {
  if ((await db().controlEvidence.count({ where: { expiresAt: { lte: now } } })) === 0) return new Set();
  const latest = await db().controlReview.findMany({
    distinct: ["controlId"], orderBy: [{ controlId: "asc" }, { reviewedAt: "desc" }],
    select: { controlId: true, evidence: { select: { expiresAt: true } } },
  });
  return new Set(latest.filter((r) => r.evidence.length > 0 && r.evidence.every((e) => e.expiresAt && e.expiresAt <= now)).map((r) => r.controlId));
}

/**
 * Every control with its effective status (the catalogue is small: tens to hundreds).
 * Archived controls are out of the score, the checklists and coverage unless asked for.
 * Read once per request (React's cache: the home page's posture card and its "Needs
 * attention" list both need it); outside a server render it is a plain call.
 */
export const allControls = cache(readAllControls);

async function readAllControls(actor: Actor, archived: ArchivedFilter = "active"): Promise<(ControlDto & { evidenceExpired?: boolean })[]> {
  await requirePermission(actor, "posture:read");
  const rows = await db().control.findMany({ where: archivedWhere(archived), select: CONTROL_SELECT, orderBy: [{ area: "asc" }, { id: "asc" }] });
  const now = new Date();
  const stale = await expiredEvidenceControls(now);
  // Decision 520: a satisfied review whose evidence has all expired counts as partial.
  return rows.map((r) => {
    const c = toControlDto(r, now);
    return stale.has(c.id) ? { ...c, status: statusWithEvidence(c.status, c.statusSource === "review", { total: 1, current: 0 }), evidenceExpired: true } : c;
  });
}

/** A filtered page of controls. Status is derived, so the filter runs after derivation. */
export async function listControls(actor: Actor, input: unknown) {
  await requirePermission(actor, "posture:read");
  const parsed = controlFilterSchema.safeParse(input);
  if (!parsed.success) throw validationError("Invalid filter.", parsed.error.issues, input);
  const f = parsed.data;
  let all = await allControls(actor, f.archived);
  if (f.area) all = all.filter((c) => c.area === f.area);
  if (f.framework) all = all.filter((c) => c.framework === f.framework);
  if (f.status === "overdue") all = all.filter((c) => c.overdue);
  else if (f.status === "failing") all = all.filter((c) => c.test?.status === "fail");
  else if (f.status) all = all.filter((c) => c.status === f.status);
  const start = (f.page - 1) * f.pageSize;
  return { controls: all.slice(start, start + f.pageSize), total: all.length, page: f.page, pageSize: f.pageSize };
}

export async function getControl(actor: Actor, controlId: string) {
  await requirePermission(actor, "posture:read", { type: "Control", id: String(controlId) });
  const id = controlIdSchema.safeParse(controlId);
  if (!id.success) throw new AppError("NOT_FOUND", "No such control.");
  const row = await db().control.findUnique({ where: { id: id.data }, select: CONTROL_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "No such control.");
  const reviews = await db().controlReview.findMany({
    where: { controlId: id.data },
    orderBy: { reviewedAt: "desc" },
    take: 50,
    select: {
      id: true, status: true, comment: true, naReason: true, reviewerLabel: true, reviewedAt: true, nextReviewAt: true, checklistId: true,
      evidence: { select: { id: true, kind: true, name: true, url: true, contentType: true, size: true, sha256: true }, orderBy: { createdAt: "asc" } },
    },
  });
  return {
    control: toControlDto(row),
    reviews: reviews.map((r) => ({ ...r, reviewedAt: r.reviewedAt.toISOString(), nextReviewAt: r.nextReviewAt.toISOString() })),
  };
}

/** Current scores and counts, from the stored statuses (the formula is lib/posture/score). */
export async function currentPosture(actor: Actor) {
  const controls = await allControls(actor);
  return {
    scores: postureScores(controls),
    counts: countByStatus(controls),
    failingTests: controls.filter((c) => c.test?.status === "fail").length,
    overdueReviews: controls.filter((c) => c.overdue).length,
    total: controls.length,
    controls,
  };
}

/** Edits the catalogue fields of a control (optimistic concurrency on version). */
export async function updateControl(actor: Actor, input: unknown) {
  await requirePermission(actor, "posture:write", { type: "Control" });
  const parsed = updateControlSchema.safeParse(input);
  if (!parsed.success) throw validationError("Check the highlighted fields.", parsed.error.issues, input);
  const { controlId, expectedVersion, ...fields } = parsed.data;
  return db().$transaction(async (tx) => {
    const before = await tx.control.findUnique({ where: { id: controlId }, select: { title: true, description: true, owner: true, frequencyDays: true, weight: true, lastReviewedAt: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such control.");
    const data = { ...fields, owner: fields.owner ?? null };
    // A new frequency moves the next review date of the last review.
    const nextReviewAt = before.lastReviewedAt && fields.frequencyDays !== before.frequencyDays
      ? new Date(before.lastReviewedAt.getTime() + fields.frequencyDays * 86_400_000)
      : undefined;
    const res = await tx.control.updateMany({ where: { id: controlId, version: expectedVersion }, data: { ...data, ...(nextReviewAt ? { nextReviewAt } : {}), version: { increment: 1 } } });
    if (res.count === 0) throw new AppError("CONFLICT", "Someone else changed this control; reload and try again.");
    const diff: Record<string, unknown> = {};
    for (const k of Object.keys(data) as (keyof typeof data)[]) if (before[k] !== data[k]) diff[k] = { from: before[k], to: data[k] };
    await appendAudit(tx, actor, { action: "posture.control.update", entityType: "Control", entityId: controlId, diff });
    return { id: controlId };
  });
}

/** Adds a custom control (framework "custom") to the catalogue. */
export async function createControl(actor: Actor, input: unknown, now = new Date()) {
  await requirePermission(actor, "posture:write", { type: "Control" });
  const parsed = createControlSchema.safeParse(input);
  if (!parsed.success) throw validationError("Check the highlighted fields.", parsed.error.issues, input);
  const c = parsed.data;
  const taken = () => new AppError("CONFLICT", `A control with the id ${c.id} exists.`, [{ path: "id", message: "already used" }]);
  return conflictOnUnique(taken, () => db().$transaction(async (tx) => {
    if (await tx.control.findUnique({ where: { id: c.id }, select: { id: true } })) throw taken();
    await tx.control.create({ data: { ...c, owner: c.owner ?? null, framework: "custom", nextReviewAt: new Date(now.getTime() + c.frequencyDays * 86_400_000) } });
    await appendAudit(tx, actor, { action: "posture.control.create", entityType: "Control", entityId: c.id, diff: { title: c.title, area: c.area, citation: c.citation } });
    return { id: c.id };
  }));
}
