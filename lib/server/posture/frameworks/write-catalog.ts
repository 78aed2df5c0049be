import "server-only";
import { requirementId, type Catalog } from "@/lib/posture/frameworks/catalog-schema";
import type { Tx } from "@/lib/server/db";

/**
 * Writes a catalogue inside the caller's transaction: creates the framework or updates its
 * header, and inserts the requirements that are missing (existing ones keep their mappings;
 * titles and text are refreshed from the file). Parents precede children in a catalogue, so
 * one ordered pass builds the tree.
 */
export async function writeCatalog(tx: Tx, c: Catalog, origin: "seed" | "import") {
  const header = { version: c.version, title: c.title, licence: c.licence, licenceNote: c.licenceNote, sourceUrl: c.sourceUrl ?? null };
  const existed = await tx.framework.findUnique({ where: { id: c.id }, select: { version: true } });
  if (existed) await tx.framework.update({ where: { id: c.id }, data: header });
  else await tx.framework.create({ data: { id: c.id, ...header, origin } });
  const have = new Set((await tx.requirement.findMany({ where: { frameworkId: c.id }, select: { identifier: true } })).map((r) => r.identifier));
  const rows = c.requirements.map((r, i) => ({
    id: requirementId(c.id, r.identifier),
    frameworkId: c.id,
    identifier: r.identifier,
    title: r.title,
    text: r.text ?? null,
    citation: r.citation ?? null,
    parentId: r.parent ? requirementId(c.id, r.parent) : null,
    assessable: r.assessable ?? true,
    attributes: JSON.stringify(r.attributes ?? {}),
    sortOrder: i,
  }));
  const fresh = rows.filter((r) => !have.has(r.identifier));
  if (fresh.length) await tx.requirement.createMany({ data: fresh });
  // Re-seeding the same version only adds what is missing; a new version or an import refreshes texts.
  const refresh = origin === "import" || (existed !== null && existed.version !== c.version);
  for (const r of refresh ? rows.filter((r) => have.has(r.identifier)) : []) {
    await tx.requirement.update({ where: { id: r.id }, data: { title: r.title, text: r.text, citation: r.citation, attributes: r.attributes, sortOrder: r.sortOrder } });
  }
  return { created: !existed, requirements: fresh.length };
}
