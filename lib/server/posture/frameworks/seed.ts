import "server-only";
import { seededCatalogs } from "@/lib/posture/frameworks/catalogs";
import { seededControlMappings } from "@/lib/posture/frameworks/control-mappings";
import { SEEDED_CROSSWALKS } from "@/lib/posture/frameworks/crosswalks";
import { actorLabel, type Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { writeCatalog } from "./write-catalog";

/**
 * Loads the seeded framework catalogues, the control mappings and the crosswalks. Idempotent:
 * only missing rows are added, so an officer's edits to rationales are kept. It runs with the
 * demo seed and `npm run admin -- framework:seed`, not on every start, so a seeded mapping an
 * officer removed stays removed until someone seeds again.
 */
export async function seedFrameworks(actor: Actor) {
  await requirePermission(actor, "posture:write");
  return db().$transaction(async (tx) => {
    let frameworks = 0;
    let requirements = 0;
    for (const c of seededCatalogs()) {
      const r = await writeCatalog(tx, c, "seed");
      frameworks += r.created ? 1 : 0;
      requirements += r.requirements;
    }
    const controls = new Set((await tx.control.findMany({ select: { id: true } })).map((c) => c.id));
    const haveMaps = new Set((await tx.controlRequirement.findMany({ select: { controlId: true, requirementId: true } })).map((m) => `${m.controlId} ${m.requirementId}`));
    const by = actorLabel(actor);
    const maps = seededControlMappings().filter((m) => controls.has(m.controlId) && !haveMaps.has(`${m.controlId} ${m.requirementId}`));
    if (maps.length) await tx.controlRequirement.createMany({ data: maps.map((m) => ({ ...m, createdBy: by })) });
    const haveX = new Set((await tx.requirementMapping.findMany({ select: { fromId: true, toId: true } })).map((m) => `${m.fromId} ${m.toId}`));
    const xs = SEEDED_CROSSWALKS.filter((x) => !haveX.has(`${x.from} ${x.to}`));
    if (xs.length) await tx.requirementMapping.createMany({ data: xs.map((x) => ({ fromId: x.from, toId: x.to, relationship: x.relationship, source: x.source, createdBy: by })) });
    const result = { frameworks, requirements, mappings: maps.length, crosswalks: xs.length };
    if (frameworks || requirements || maps.length || xs.length) {
      await appendAudit(tx, actor, { action: "posture.frameworks.seed", entityType: "Framework", diff: result });
    }
    return result;
  }, { timeout: 60_000 });
}
