import "server-only";
import { AppError, conflictOnUnique, validationError } from "@/lib/errors";
import { applicabilitySchema, crosswalkIdSchema, crosswalkInputSchema, mapControlSchema, unmapControlSchema } from "@/lib/validation/frameworks";
import { actorLabel, type Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";
import type { z } from "zod";

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const p = schema.safeParse(input);
  if (!p.success) throw validationError("Check the highlighted fields.", p.error.issues, input);
  return p.data;
}

async function mustExist(tx: Tx, requirementId: string, field = "requirementId") {
  if (!(await tx.requirement.findUnique({ where: { id: requirementId }, select: { id: true } }))) {
    throw new AppError("VALIDATION", `No requirement ${requirementId}.`, [{ path: field, message: "no such requirement" }]);
  }
}

/** Maps a control to a requirement, or updates the rationale of an existing mapping. */
export async function mapControl(actor: Actor, input: unknown) {
  await requirePermission(actor, "posture:write", { type: "ControlRequirement" });
  const m = parse(mapControlSchema, input);
  const taken = () => new AppError("CONFLICT", "This control was mapped to the requirement at the same moment; reload.");
  return conflictOnUnique(taken, () => db().$transaction(async (tx) => {
    if (!(await tx.control.findUnique({ where: { id: m.controlId }, select: { id: true } }))) {
      throw new AppError("VALIDATION", `No control ${m.controlId}.`, [{ path: "controlId", message: "no such control" }]);
    }
    await mustExist(tx, m.requirementId);
    const before = await tx.controlRequirement.findUnique({ where: { controlId_requirementId: { controlId: m.controlId, requirementId: m.requirementId } }, select: { id: true, rationale: true } });
    if (before) await tx.controlRequirement.update({ where: { id: before.id }, data: { rationale: m.rationale } });
    else await tx.controlRequirement.create({ data: { ...m, createdBy: actorLabel(actor) } });
    await appendAudit(tx, actor, {
      action: before ? "posture.mapping.update" : "posture.mapping.create", entityType: "ControlRequirement", entityId: `${m.controlId}|${m.requirementId}`,
      diff: before ? { rationale: { from: before.rationale, to: m.rationale } } : { controlId: m.controlId, requirementId: m.requirementId, rationale: m.rationale },
    });
    return { created: !before };
  }));
}

export async function unmapControl(actor: Actor, input: unknown) {
  await requirePermission(actor, "posture:write", { type: "ControlRequirement" });
  const m = parse(unmapControlSchema, input);
  return db().$transaction(async (tx) => {
    const row = await tx.controlRequirement.findUnique({ where: { controlId_requirementId: m }, select: { id: true, rationale: true } });
    if (!row) throw new AppError("NOT_FOUND", "That control is not mapped to that requirement.");
    await tx.controlRequirement.delete({ where: { id: row.id } });
    await appendAudit(tx, actor, { action: "posture.mapping.delete", entityType: "ControlRequirement", entityId: `${m.controlId}|${m.requirementId}`, diff: { rationale: row.rationale } });
    return { deleted: true };
  });
}

/** Marks a requirement not applicable (with a reason), or applicable again. */
export async function setApplicability(actor: Actor, input: unknown, now = new Date()) {
  await requirePermission(actor, "posture:write", { type: "RequirementApplicability" });
  const a = parse(applicabilitySchema, input);
  return conflictOnUnique(() => new AppError("CONFLICT", "Someone changed this requirement's applicability at the same moment; reload."), () => db().$transaction(async (tx) => {
    await mustExist(tx, a.requirementId);
    const before = await tx.requirementApplicability.findUnique({ where: { requirementId: a.requirementId }, select: { reason: true } });
    if (a.applicable) {
      if (!before) return { changed: false };
      await tx.requirementApplicability.delete({ where: { requirementId: a.requirementId } });
    } else {
      const data = { applicable: false, reason: a.reason, decidedBy: actorLabel(actor), decidedAt: now };
      await tx.requirementApplicability.upsert({ where: { requirementId: a.requirementId }, create: { requirementId: a.requirementId, ...data }, update: data });
    }
    await appendAudit(tx, actor, {
      action: "posture.requirement.applicability", entityType: "Requirement", entityId: a.requirementId,
      diff: { applicable: a.applicable, reason: a.applicable ? null : a.reason, previousReason: before?.reason ?? null },
    });
    return { changed: true };
  }));
}

export async function addCrosswalk(actor: Actor, input: unknown) {
  await requirePermission(actor, "posture:write", { type: "RequirementMapping" });
  const x = parse(crosswalkInputSchema, input);
  const taken = () => new AppError("CONFLICT", `${x.fromId} is already mapped to ${x.toId}.`, [{ path: "toId", message: "already mapped" }]);
  return conflictOnUnique(taken, () => db().$transaction(async (tx) => {
    await mustExist(tx, x.fromId, "fromId");
    await mustExist(tx, x.toId, "toId");
    if (await tx.requirementMapping.findUnique({ where: { fromId_toId: { fromId: x.fromId, toId: x.toId } }, select: { id: true } })) throw taken();
    const row = await tx.requirementMapping.create({ data: { ...x, createdBy: actorLabel(actor) }, select: { id: true } });
    await appendAudit(tx, actor, { action: "posture.crosswalk.create", entityType: "RequirementMapping", entityId: row.id, diff: x });
    return row;
  }));
}

export async function removeCrosswalk(actor: Actor, input: unknown) {
  await requirePermission(actor, "posture:write", { type: "RequirementMapping" });
  const { id } = parse(crosswalkIdSchema, input);
  return db().$transaction(async (tx) => {
    const row = await tx.requirementMapping.findUnique({ where: { id }, select: { fromId: true, toId: true, source: true } });
    if (!row) throw new AppError("NOT_FOUND", "No such crosswalk mapping.");
    await tx.requirementMapping.delete({ where: { id } });
    await appendAudit(tx, actor, { action: "posture.crosswalk.delete", entityType: "RequirementMapping", entityId: id, diff: row });
    return { deleted: true };
  });
}

/** Crosswalks touching a framework's requirements, both directions. */
export async function crosswalksOf(actor: Actor, frameworkId: string) {
  await requirePermission(actor, "posture:read");
  return db().requirementMapping.findMany({
    where: { OR: [{ from: { frameworkId } }, { to: { frameworkId } }] },
    select: { id: true, fromId: true, toId: true, relationship: true, source: true }, orderBy: [{ fromId: "asc" }, { toId: "asc" }],
  });
}
