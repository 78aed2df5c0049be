import "server-only";
import { AppError, conflictOnUnique, zodDetails } from "@/lib/errors";
import { catalogToOscal, oscalCatalogToCatalog, type OscalCatalogDoc } from "@/lib/oscal/catalog";
import { implementationToOscal } from "@/lib/oscal/component";
import { resolveProfile, type OscalProfileDoc } from "@/lib/oscal/profile";
import { checkOscal, oscalModelOf, validateOscal } from "@/lib/oscal/validate";
import { catalogSchema, type Catalog } from "@/lib/posture/frameworks/catalog-schema";
import type { Actor } from "@/lib/server/actor";
import { appendAudit, recordAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { frameworkDetail, listFrameworks } from "./coverage";
import { writeCatalog } from "./write-catalog";

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

async function storedRequirements(frameworkId: string) {
  const rows = await db().requirement.findMany({
    where: { frameworkId }, orderBy: { sortOrder: "asc" },
    select: { identifier: true, title: true, text: true, citation: true, assessable: true, attributes: true, parent: { select: { identifier: true } } },
  });
  return rows.map((r) => ({ identifier: r.identifier, title: r.title, text: r.text, citation: r.citation, parentIdentifier: r.parent?.identifier ?? null, assessable: r.assessable, attributes: JSON.parse(r.attributes) as Record<string, unknown> }));
}

async function storedCatalog(frameworkId: string): Promise<Catalog> {
  const f = await db().framework.findUnique({ where: { id: frameworkId } });
  if (!f) throw new AppError("VALIDATION", `No framework ${frameworkId} to resolve the profile against; import its catalog first.`, [{ path: "source", message: "no such framework" }]);
  const reqs = await storedRequirements(frameworkId);
  return {
    id: f.id, version: f.version, title: f.title, licence: f.licence as Catalog["licence"], licenceNote: f.licenceNote, ...(f.sourceUrl ? { sourceUrl: f.sourceUrl } : {}),
    requirements: reqs.map((r) => ({ identifier: r.identifier, title: r.title, ...(r.text ? { text: r.text } : {}), ...(r.citation ? { citation: r.citation } : {}), ...(r.parentIdentifier ? { parent: r.parentIdentifier } : {}), assessable: r.assessable, attributes: r.attributes })),
  };
}

/**
 * Loads a framework someone else wrote: an OSCAL catalog, an OSCAL profile (resolved against a
 * catalog imported before, `source`), or this product's catalogue JSON. Schema-validated; a
 * seeded framework's id cannot be taken over.
 */
export async function importFramework(actor: Actor, text: string, opts: { id?: string; source?: string } = {}) {
  await requirePermission(actor, "posture:write", { type: "Framework" });
  if (text.length > IMPORT_MAX_BYTES) throw new AppError("VALIDATION", `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`, [{ path: "file", message: "too large" }]);
  let doc: unknown;
  try { doc = JSON.parse(text); } catch { throw new AppError("VALIDATION", "The file is not JSON.", [{ path: "file", message: "not JSON" }]); }
  const model = oscalModelOf(doc);
  let candidate: unknown;
  if (model === "catalog" || model === "profile") {
    const { schema, problems } = checkOscal(model, doc);
    const against = schema ? ` (checked against NIST's OSCAL ${schema} schema)` : "";
    if (problems.length) throw new AppError("VALIDATION", `Not a valid OSCAL ${model}${against}: ${problems[0]}`, problems.map((p) => ({ path: "file", message: p })));
    candidate = model === "catalog"
      ? oscalCatalogToCatalog(doc as OscalCatalogDoc, { id: opts.id })
      : resolveProfile(doc as OscalProfileDoc, await storedCatalog(opts.source ?? ""), { id: opts.id });
  } else if (model === "component-definition") {
    throw new AppError("VALIDATION", "A component definition describes an implementation, not a framework; import a catalog or a profile.", [{ path: "file", message: "wrong OSCAL model" }]);
  } else candidate = opts.id && doc && typeof doc === "object" ? { ...doc, id: opts.id } : doc;
  const parsed = catalogSchema.safeParse(candidate);
  if (!parsed.success) throw new AppError("VALIDATION", "The framework does not fit the catalogue format.", zodDetails(parsed.error.issues));
  const c = parsed.data;
  return conflictOnUnique(() => new AppError("CONFLICT", `Framework ${c.id} was imported at the same moment; reload.`), () => db().$transaction(async (tx) => {
    const existing = await tx.framework.findUnique({ where: { id: c.id }, select: { origin: true } });
    if (existing?.origin === "seed") throw new AppError("CONFLICT", `${c.id} is a built-in framework; import under another id.`, [{ path: "id", message: "built-in framework" }]);
    const r = await writeCatalog(tx, c, "import");
    await appendAudit(tx, actor, { action: "posture.framework.import", entityType: "Framework", entityId: c.id, diff: { model: model ?? "catalogue", title: c.title, version: c.version, requirements: c.requirements.length, added: r.requirements, created: r.created } });
    return { id: c.id, created: r.created, requirements: c.requirements.length, added: r.requirements };
  }, { timeout: 60_000 }));
}

/** A framework as an OSCAL catalog, validated before it leaves. */
export async function exportFrameworkOscal(actor: Actor, frameworkId: string, now = new Date()) {
  const { framework } = await frameworkDetail(actor, frameworkId, now);
  const doc = catalogToOscal(framework, await storedRequirements(framework.id), now);
  const problems = validateOscal("catalog", doc);
  if (problems.length) throw new Error(`OSCAL export of ${framework.id} is invalid: ${problems[0]}`);
  await recordAudit(actor, { action: "posture.framework.export", entityType: "Framework", entityId: framework.id, diff: { format: "oscal-catalog" } });
  return doc;
}

/** The organisation's implementation (every framework with mapped controls) as an OSCAL component-definition. */
export async function exportImplementationOscal(actor: Actor, organisation: string, now = new Date()) {
  const frameworks = await listFrameworks(actor, now);
  const out = [];
  for (const f of frameworks.filter((x) => x.coverage.mapped > 0)) {
    const d = await frameworkDetail(actor, f.id, now);
    const attrs = new Map(d.requirements.map((r) => [r.id, r]));
    const evidence = await db().controlEvidence.findMany({
      where: { review: { controlId: { in: [...new Set(d.coverage.requirements.flatMap((r) => r.controlIds))] } }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { id: true, name: true, url: true, review: { select: { controlId: true } } },
    });
    out.push({
      id: f.id, title: f.title, source: `#${f.id}`,
      requirements: d.coverage.requirements.filter((r) => r.controlIds.length || r.status === "not_applicable").map((r) => {
        const req = attrs.get(r.requirementId)!;
        const oscalId = (req.attributes as { oscal?: { id?: string } }).oscal?.id ?? `r-${req.identifier.toLowerCase().replace(/[^a-z0-9.]+/g, "-").replace(/^-+|-+$/g, "")}`;
        return {
          oscalId, status: r.status, reason: r.reason,
          controls: r.controlIds.map((id) => ({ id, title: d.controls.get(id)!.title, status: d.controls.get(id)!.status })),
          evidence: evidence.filter((e) => r.controlIds.includes(e.review.controlId)).map((e) => ({ name: e.name, href: e.url ?? `/posture/evidence/${e.id}` })),
        };
      }),
    });
  }
  const doc = implementationToOscal({ organisation, frameworks: out }, now);
  const problems = validateOscal("component-definition", doc);
  if (problems.length) throw new Error(`OSCAL component export is invalid: ${problems[0]}`);
  await recordAudit(actor, { action: "posture.implementation.export", entityType: "Framework", diff: { format: "oscal-component-definition", frameworks: out.length } });
  return doc;
}
