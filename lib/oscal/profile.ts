// OSCAL profile resolution, reduced to what a requirement catalogue needs: the controls a
// profile selects (include-all / include-controls with-ids, minus exclude-controls) from a
// catalogue imported earlier, with their groups so the tree stays readable.
import type { Catalog } from "@/lib/posture/frameworks/catalog-schema";
import { slugId } from "./catalog";

type Selector = { "with-ids"?: string[]; "with-child-controls"?: "yes" | "no" };
export type OscalProfileDoc = {
  profile: {
    uuid: string;
    metadata: { title: string; version: string; "oscal-version": string };
    imports: { href: string; "include-all"?: object; "include-controls"?: Selector[]; "exclude-controls"?: Selector[] }[];
  };
};

export function resolveProfile(doc: OscalProfileDoc, source: Catalog, opts: { id?: string } = {}): Catalog {
  const byId = new Map(source.requirements.map((r) => [r.identifier, r]));
  const childrenOf = (id: string) => source.requirements.filter((r) => r.parent === id).map((r) => r.identifier);
  const selected = new Set<string>();
  for (const imp of doc.profile.imports) {
    if (imp["include-all"]) for (const r of source.requirements) if (r.assessable !== false) selected.add(r.identifier);
    for (const sel of imp["include-controls"] ?? []) {
      for (const id of sel["with-ids"] ?? []) {
        if (!byId.has(id)) continue; // a profile may name controls the imported slice lacks
        selected.add(id);
        if (sel["with-child-controls"] === "yes") for (const c of childrenOf(id)) selected.add(c);
      }
    }
    for (const sel of imp["exclude-controls"] ?? []) for (const id of sel["with-ids"] ?? []) selected.delete(id);
  }
  // Keep ancestors of every selected control, so enhancements stay under their control.
  const keep = new Set<string>();
  for (const id of selected) {
    for (let cur: string | undefined = id; cur && !keep.has(cur); cur = byId.get(cur)?.parent) keep.add(cur);
  }
  const m = doc.profile.metadata;
  return {
    ...source,
    id: opts.id ?? slugId(m.title),
    title: m.title.slice(0, 300),
    version: m.version,
    licenceNote: `Resolved from the OSCAL profile "${m.title}" against ${source.title}. ${source.licenceNote}`,
    requirements: source.requirements
      .filter((r) => keep.has(r.identifier))
      // An ancestor kept only for structure is not itself assessable unless the profile selected it.
      .map((r) => (selected.has(r.identifier) ? r : { ...r, assessable: false })),
  };
}
