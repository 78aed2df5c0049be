import "server-only";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { frameworkDetail } from "./coverage";

/** The API's per-requirement coverage: identifiers and each mapped control's own status. */
export async function frameworkCoverageView(actor: Actor, frameworkId: string) {
  const d = await frameworkDetail(actor, frameworkId);
  const identifier = new Map(d.requirements.map((r) => [r.id, r.identifier]));
  return {
    frameworkId: d.framework.id,
    summary: d.coverage.summary,
    requirements: d.coverage.requirements.map((r) => ({
      requirementId: r.requirementId, identifier: identifier.get(r.requirementId)!, status: r.status, reason: r.reason, evidenceCount: r.evidenceCount,
      controls: r.controlIds.map((id) => ({ id, status: d.controls.get(id)!.status, evidenceCount: d.controls.get(id)!.evidenceCount })),
    })),
  };
}

/** Mapped requirements by control id (for the controls API and page). */
export async function requirementsByControl(actor: Actor, controlIds: readonly string[]) {
  await requirePermission(actor, "posture:read");
  const rows = await db().controlRequirement.findMany({
    where: { controlId: { in: [...controlIds] } }, orderBy: [{ requirementId: "asc" }],
    select: { controlId: true, requirementId: true, rationale: true, requirement: { select: { frameworkId: true, identifier: true } } },
  });
  const out = new Map<string, { requirementId: string; frameworkId: string; identifier: string; rationale: string }[]>();
  for (const r of rows) {
    const list = out.get(r.controlId) ?? [];
    list.push({ requirementId: r.requirementId, frameworkId: r.requirement.frameworkId, identifier: r.requirement.identifier, rationale: r.rationale });
    out.set(r.controlId, list);
  }
  return out;
}
