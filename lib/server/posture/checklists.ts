import "server-only";
import { AppError, conflictOnUnique, validationError } from "@/lib/errors";
import { createChecklistSchema } from "@/lib/validation/posture";
import { actorLabel, type Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { allControls } from "./controls";

export async function listChecklists(actor: Actor) {
  await requirePermission(actor, "posture:read");
  const [lists, controls] = await Promise.all([
    db().checklist.findMany({ orderBy: [{ framework: "asc" }, { name: "asc" }], select: { id: true, name: true, description: true, framework: true, controlIds: true, createdAt: true } }),
    allControls(actor),
  ]);
  const byId = new Map(controls.map((c) => [c.id, c]));
  return lists.map((l) => {
    const ids = JSON.parse(l.controlIds) as string[];
    const cs = ids.map((id) => byId.get(id)).filter((c) => !!c);
    return {
      id: l.id, name: l.name, description: l.description, framework: l.framework, createdAt: l.createdAt.toISOString(),
      total: cs.length,
      satisfied: cs.filter((c) => c.status === "satisfied").length,
      notReviewed: cs.filter((c) => c.status === "not_reviewed").length,
      overdue: cs.filter((c) => c.overdue).length,
    };
  });
}

export async function getChecklist(actor: Actor, checklistId: string) {
  await requirePermission(actor, "posture:read", { type: "Checklist", id: String(checklistId) });
  const l = typeof checklistId === "string" && checklistId.length <= 64 ? await db().checklist.findUnique({ where: { id: checklistId } }) : null;
  if (!l) throw new AppError("NOT_FOUND", "No such checklist.");
  const ids = JSON.parse(l.controlIds) as string[];
  const controls = (await allControls(actor)).filter((c) => ids.includes(c.id));
  return { id: l.id, name: l.name, description: l.description, framework: l.framework, createdBy: l.createdBy, createdAt: l.createdAt.toISOString(), controls };
}

export async function createChecklist(actor: Actor, input: unknown) {
  await requirePermission(actor, "posture:write", { type: "Checklist" });
  const parsed = createChecklistSchema.safeParse(input);
  if (!parsed.success) throw validationError("Check the highlighted fields.", parsed.error.issues, input);
  const { name, description, controlIds } = parsed.data;
  const unique = [...new Set(controlIds)];
  const taken = () => new AppError("CONFLICT", "A checklist with this name exists.", [{ path: "name", message: "already used" }]);
  return conflictOnUnique(taken, () => db().$transaction(async (tx) => {
    // Archived controls are out of the pickers: a new checklist cannot include one.
    const found = await tx.control.count({ where: { id: { in: unique }, archivedAt: null } });
    if (found !== unique.length) throw new AppError("VALIDATION", "Some selected controls do not exist.", [{ path: "controlIds", message: "unknown control" }]);
    if (await tx.checklist.findUnique({ where: { name }, select: { id: true } })) throw taken();
    const row = await tx.checklist.create({ data: { name, description: description ?? null, framework: null, controlIds: JSON.stringify(unique), createdBy: actorLabel(actor) }, select: { id: true } });
    await appendAudit(tx, actor, { action: "posture.checklist.create", entityType: "Checklist", entityId: row.id, diff: { name, controls: unique.length } });
    return { id: row.id, name };
  }));
}
