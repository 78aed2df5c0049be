import "server-only";
import { frameworkCoverage } from "@/lib/posture/frameworks/coverage";
import { countsAsEvidence, statusWithEvidence } from "@/lib/posture/frameworks/evidence-freshness";
import { AppError } from "@/lib/errors";
import type { ControlStatus } from "@/lib/posture/types";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { allControls } from "../controls";

export type ControlState = { status: ControlStatus; evidenceCount: number; title: string; owner: string | null; lastReviewedAt: string | null };

/**
 * Every control's status for coverage: the effective status, with the evidence of its latest
 * review that has not expired (one item serves every requirement the control maps to).
 */
export async function controlStates(actor: Actor, now = new Date()): Promise<Map<string, ControlState>> {
  const controls = await allControls(actor);
  const latest = await db().controlReview.findMany({
    distinct: ["controlId"], orderBy: [{ controlId: "asc" }, { reviewedAt: "desc" }],
    select: { controlId: true, evidence: { select: { expiresAt: true } } },
  });
  const ev = new Map(latest.map((r) => [r.controlId, { total: r.evidence.length, current: r.evidence.filter((e) => countsAsEvidence(e.expiresAt, now)).length }]));
  return new Map(controls.map((c) => {
    const e = ev.get(c.id) ?? { total: 0, current: 0 };
    return [c.id, { status: statusWithEvidence(c.status, c.statusSource === "review", e), evidenceCount: e.current, title: c.title, owner: c.owner, lastReviewedAt: c.lastReviewedAt }];
  }));
}

async function coverageData(frameworkIds: string[] | null) {
  const where = frameworkIds ? { frameworkId: { in: frameworkIds } } : {};
  const [requirements, na, mappings] = await Promise.all([
    db().requirement.findMany({ where, select: { id: true, frameworkId: true, assessable: true }, orderBy: { sortOrder: "asc" } }),
    db().requirementApplicability.findMany({ where: { applicable: false, ...(frameworkIds ? { requirement: where } : {}) }, select: { requirementId: true, reason: true } }),
    db().controlRequirement.findMany({ where: frameworkIds ? { requirement: where } : {}, select: { controlId: true, requirementId: true } }),
  ]);
  return { requirements, notApplicable: new Map(na.map((a) => [a.requirementId, a.reason])), mappings };
}

/** Frameworks with their coverage summary. */
export async function listFrameworks(actor: Actor, now = new Date()) {
  await requirePermission(actor, "posture:read");
  const [frameworks, states, data] = await Promise.all([
    db().framework.findMany({ orderBy: { title: "asc" }, select: { id: true, version: true, title: true, licence: true, licenceNote: true, sourceUrl: true, origin: true } }),
    controlStates(actor, now),
    coverageData(null),
  ]);
  return frameworks.map((f) => ({
    ...f,
    coverage: frameworkCoverage({ ...data, requirements: data.requirements.filter((r) => r.frameworkId === f.id), controls: states }).summary,
  }));
}

/** One framework, its requirement tree (flat, in catalogue order, with parents) and coverage. */
export async function frameworkDetail(actor: Actor, frameworkId: string, now = new Date()) {
  await requirePermission(actor, "posture:read", { type: "Framework", id: String(frameworkId) });
  const framework = typeof frameworkId === "string" && frameworkId.length <= 64
    ? await db().framework.findUnique({ where: { id: frameworkId }, select: { id: true, version: true, title: true, licence: true, licenceNote: true, sourceUrl: true, origin: true } })
    : null;
  if (!framework) throw new AppError("NOT_FOUND", "No such framework.");
  const [requirements, states, data] = await Promise.all([
    db().requirement.findMany({
      where: { frameworkId: framework.id }, orderBy: { sortOrder: "asc" },
      select: { id: true, identifier: true, title: true, text: true, citation: true, parentId: true, assessable: true, attributes: true },
    }),
    controlStates(actor, now),
    coverageData([framework.id]),
  ]);
  const cov = frameworkCoverage({ ...data, controls: states });
  return {
    framework,
    requirements: requirements.map((r) => ({ ...r, attributes: JSON.parse(r.attributes) as Record<string, unknown> })),
    coverage: cov,
    controls: states,
  };
}
