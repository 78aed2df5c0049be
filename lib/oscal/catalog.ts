// OSCAL catalog <-> framework catalogue. An import keeps the requirement structure (groups,
// controls, enhancements), titles, labels and statement prose; parameters, guidance and
// assessment parts are not carried (the product tracks requirements, not control text variants).
import { randomUUID } from "node:crypto";
import { OSCAL_VERSION } from "./version";
import type { Catalog, CatalogRequirement } from "@/lib/posture/frameworks/catalog-schema";

type Prop = { name: string; value: string; ns?: string; class?: string };
type Part = { id?: string; name: string; prose?: string; props?: Prop[]; parts?: Part[] };
type OscalControl = { id: string; class?: string; title: string; props?: Prop[]; parts?: Part[]; controls?: OscalControl[] };
type OscalGroup = { id?: string; class?: string; title: string; props?: Prop[]; parts?: Part[]; groups?: OscalGroup[]; controls?: OscalControl[] };
export type OscalCatalogDoc = { catalog: { uuid: string; metadata: { title: string; version: string; "oscal-version": string; "last-modified": string; [k: string]: unknown }; groups?: OscalGroup[]; controls?: OscalControl[]; [k: string]: unknown } };

export type OscalAttrs = { oscal: { kind: "group" | "control"; id: string; class?: string; label?: string; sortId?: string } };

const label = (props?: Prop[]) => props?.find((p) => p.name === "label" && !p.class)?.value ?? props?.find((p) => p.name === "label")?.value;
const sortId = (props?: Prop[]) => props?.find((p) => p.name === "sort-id")?.value;

/** The statement as plain text: each item's label and prose on its own line, in order. */
export function statementText(parts?: Part[]): string | undefined {
  const smt = parts?.find((p) => p.name === "statement");
  if (!smt) return undefined;
  const lines: string[] = [];
  const walk = (p: Part, depth: number) => {
    const text = [label(p.props), p.prose?.trim()].filter(Boolean).join(" ");
    if (text) lines.push("  ".repeat(Math.max(0, depth)) + text);
    for (const c of p.parts ?? []) walk(c, depth + 1);
  };
  walk(smt, -1);
  return lines.join("\n") || undefined;
}

export function slugId(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9.]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 63).replace(/-+$/, "") || "imported";
}

export function oscalCatalogToCatalog(doc: OscalCatalogDoc, opts: { id?: string; sourceUrl?: string } = {}): Catalog {
  const c = doc.catalog;
  const reqs: CatalogRequirement[] = [];
  const control = (ct: OscalControl, parent?: string) => {
    const attrs: OscalAttrs = { oscal: { kind: "control", id: ct.id, ...(ct.class ? { class: ct.class } : {}), ...(label(ct.props) ? { label: label(ct.props) } : {}), ...(sortId(ct.props) ? { sortId: sortId(ct.props) } : {}) } };
    const text = statementText(ct.parts);
    reqs.push({ identifier: ct.id, title: ct.title, ...(text ? { text } : {}), ...(label(ct.props) ? { citation: label(ct.props) } : {}), ...(parent ? { parent } : {}), attributes: attrs });
    for (const sub of ct.controls ?? []) control(sub, ct.id);
  };
  let anon = 0;
  const group = (g: OscalGroup, parent?: string) => {
    const id = g.id ?? `group-${++anon}`;
    const attrs: OscalAttrs = { oscal: { kind: "group", id, ...(g.class ? { class: g.class } : {}), ...(label(g.props) ? { label: label(g.props) } : {}) } };
    reqs.push({ identifier: id, title: g.title, assessable: false, ...(parent ? { parent } : {}), attributes: attrs });
    for (const sg of g.groups ?? []) group(sg, id);
    for (const ct of g.controls ?? []) control(ct, id);
  };
  for (const g of c.groups ?? []) group(g);
  for (const ct of c.controls ?? []) control(ct);
  return {
    id: opts.id ?? slugId(c.metadata.title),
    version: c.metadata.version,
    title: c.metadata.title.slice(0, 300),
    licence: "public",
    licenceNote: `Imported from the OSCAL catalog "${c.metadata.title}" (version ${c.metadata.version}, OSCAL ${c.metadata["oscal-version"]}). Check its licence before sharing.`,
    ...(opts.sourceUrl ? { sourceUrl: opts.sourceUrl } : {}),
    requirements: reqs,
  };
}

type StoredRequirement = { identifier: string; title: string; text: string | null; parentIdentifier: string | null; assessable: boolean; attributes: Record<string, unknown> };

/** A framework as an OSCAL catalog (statement prose from the requirement text). */
export function catalogToOscal(f: { id: string; title: string; version: string }, reqs: readonly StoredRequirement[], now = new Date(), uuid = randomUUID()): OscalCatalogDoc {
  const children = new Map<string | null, StoredRequirement[]>();
  for (const r of reqs) children.set(r.parentIdentifier, [...(children.get(r.parentIdentifier) ?? []), r]);
  const oscalId = (r: StoredRequirement) => (r.attributes as Partial<OscalAttrs>).oscal?.id ?? slugId(r.identifier).replace(/^[^a-z_]/, "r$&");
  const props = (r: StoredRequirement): Prop[] => {
    const o = (r.attributes as Partial<OscalAttrs>).oscal;
    const out: Prop[] = [];
    out.push({ name: "label", value: o?.label ?? r.identifier });
    if (o?.sortId) out.push({ name: "sort-id", value: o.sortId });
    return out;
  };
  const asControl = (r: StoredRequirement): OscalControl => {
    const o = (r.attributes as Partial<OscalAttrs>).oscal;
    const subs = (children.get(r.identifier) ?? []).map(asControl);
    return {
      id: oscalId(r), ...(o?.class ? { class: o.class } : {}), title: r.title, props: props(r),
      ...(r.text ? { parts: [{ id: `${oscalId(r)}_smt`, name: "statement", prose: r.text }] } : {}),
      ...(subs.length ? { controls: subs } : {}),
    };
  };
  const isGroup = (r: StoredRequirement) => ((r.attributes as Partial<OscalAttrs>).oscal?.kind ?? (r.assessable ? "control" : "group")) === "group";
  const asGroup = (r: StoredRequirement): OscalGroup => {
    const kids = children.get(r.identifier) ?? [];
    const o = (r.attributes as Partial<OscalAttrs>).oscal;
    const groups = kids.filter(isGroup).map(asGroup);
    const controls = kids.filter((k) => !isGroup(k)).map(asControl);
    return { id: oscalId(r), ...(o?.class ? { class: o.class } : {}), title: r.title, ...(groups.length ? { groups } : {}), ...(controls.length ? { controls } : {}) };
  };
  const roots = children.get(null) ?? [];
  const groups = roots.filter(isGroup).map(asGroup);
  const controls = roots.filter((r) => !isGroup(r)).map(asControl);
  return {
    catalog: {
      uuid,
      metadata: { title: f.title, "last-modified": now.toISOString(), version: f.version, "oscal-version": OSCAL_VERSION },
      ...(groups.length ? { groups } : {}),
      ...(controls.length ? { controls } : {}),
    },
  };
}
