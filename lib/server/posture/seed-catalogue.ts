import "server-only";
import { CONTROL_CATALOGUE } from "@/lib/posture/catalogue";
import { FRAMEWORK_LABELS, type Framework } from "@/lib/posture/types";
import { actorLabel, type Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

/**
 * Inserts the catalogue controls that are missing, and one checklist per framework.
 * Idempotent; existing controls (and an officer's edits to them) are left alone.
 */
export async function seedControlCatalogue(actor: Actor, now = new Date()) {
  await requirePermission(actor, "posture:write");
  return db().$transaction(async (tx) => {
    const existing = new Set((await tx.control.findMany({ select: { id: true } })).map((c) => c.id));
    const missing = CONTROL_CATALOGUE.filter((c) => !existing.has(c.id));
    for (const c of missing) {
      // A new control is due for its first review one frequency after it is added.
      await tx.control.create({ data: { ...c, nextReviewAt: new Date(now.getTime() + c.frequencyDays * 86_400_000) } });
    }
    let checklists = 0;
    const frameworks = [...new Set(CONTROL_CATALOGUE.map((c) => c.framework))] as Framework[];
    for (const f of frameworks) {
      const name = FRAMEWORK_LABELS[f];
      if (await tx.checklist.findUnique({ where: { name }, select: { id: true } })) continue;
      const ids = CONTROL_CATALOGUE.filter((c) => c.framework === f).map((c) => c.id);
      await tx.checklist.create({ data: { name, description: `Every ${name} control of the catalogue.`, framework: f, controlIds: JSON.stringify(ids), createdBy: actorLabel(actor) } });
      checklists++;
    }
    if (missing.length || checklists) {
      await appendAudit(tx, actor, { action: "posture.catalogue.seed", entityType: "Control", diff: { controls: missing.map((c) => c.id), checklists } });
    }
    return { controls: missing.length, checklists };
  });
}
