import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogSchema } from "@/lib/posture/frameworks/catalog-schema";
import { catalogToOscal, oscalCatalogToCatalog, type OscalCatalogDoc } from "./catalog";
import { checkOscal, validateOscal } from "./validate";
import { OSCAL_VERSION } from "./version";

// Catalogs written by someone else: GSA's FedRAMP rev5 LI-SaaS baseline (resolved catalog), as
// OSCAL 1.1.1 (group IA) and as OSCAL 1.0.4 (IA-1, IA-2), excerpts of the copies in
// defenseunicorns/go-oscal testdata (see tests/fixtures/oscal/README.md).
type Ctl = { id: string; title: string; controls?: Ctl[] };
type Doc = OscalCatalogDoc & { catalog: { groups: { id: string; controls: Ctl[] }[] } };
const fixture = (f: string) => JSON.parse(readFileSync(`tests/fixtures/oscal/${f}`, "utf8")) as Doc;
const fedramp11 = fixture("FedRAMP_rev5_LI-SaaS-baseline-resolved-profile_catalog.ia.json");
const fedramp10 = fixture("FedRAMP_rev5_LI-SaaS-baseline-resolved-profile_catalog.oscal-1.0.4.ia-1-2.json");

const stored = (c: ReturnType<typeof oscalCatalogToCatalog>) => c.requirements.map((r) => ({
  identifier: r.identifier, title: r.title, text: r.text ?? null, parentIdentifier: r.parent ?? null, assessable: r.assessable ?? true, attributes: r.attributes ?? {},
}));
const tree = (doc: Doc) => doc.catalog.groups.map((g) => [g.id, (g.controls ?? []).map((c) => [c.id, c.title, (c.controls ?? []).map((e) => [e.id, e.title])])]);
const roundTrip = (doc: Doc) => {
  const imported = catalogSchema.parse(oscalCatalogToCatalog(doc, { id: "fedramp-li-saas" }));
  return catalogToOscal({ id: imported.id, title: imported.title, version: imported.version }, stored(imported)) as unknown as Doc;
};
/** A deep copy with one change, to break a valid document in a known place. */
const broken = (change: (d: Doc) => void) => { const d = structuredClone(fedramp11); change(d); return d; };

describe("OSCAL versions", () => {
  it("checks a 1.1.x catalog against the 1.1.3 schema and a 1.0.x one against 1.0.6", () => {
    expect(fedramp11.catalog.metadata["oscal-version"]).toBe("1.1.1");
    expect(checkOscal("catalog", fedramp11)).toEqual({ schema: "1.1.3", problems: [] });
    expect(fedramp10.catalog.metadata["oscal-version"]).toBe("1.0.4");
    expect(checkOscal("catalog", fedramp10)).toEqual({ schema: "1.0.6", problems: [] });
  });
  it("imports FedRAMP's 1.1.1 catalog and exports it back as OSCAL 1.1.3, valid, with the same tree", () => {
    const out = roundTrip(fedramp11);
    expect(out.catalog.metadata["oscal-version"]).toBe(OSCAL_VERSION);
    expect(checkOscal("catalog", out)).toEqual({ schema: "1.1.3", problems: [] });
    expect(tree(out)).toEqual(tree(fedramp11));
    expect(tree(out)[0]![1]).toHaveLength(8); // the LI-SaaS baseline's IA-1, IA-2, IA-4 to IA-8 and IA-11, with their enhancements
  });
  it("a 1.0.4 catalog comes back as a valid 1.1.3 catalog", () => {
    const out = roundTrip(fedramp10);
    expect(checkOscal("catalog", out)).toEqual({ schema: "1.1.3", problems: [] });
    expect(tree(out)).toEqual(tree(fedramp10));
  });
  it("says where a broken document is wrong and what is wrong, in words", () => {
    expect(validateOscal("catalog", broken((d) => { d.catalog.groups[0]!.controls[2]!.id = "ia 3"; }))).toEqual([
      'catalog.groups[0].controls[2].id: "ia 3" is not a token (a letter or "_", then letters, digits, ".", "-" or "_"; no spaces)',
    ]);
    expect(validateOscal("catalog", broken((d) => { d.catalog.uuid = "not-a-uuid"; }))).toEqual(['catalog.uuid: "not-a-uuid" is not a version 4 or 5 UUID (such as 3b2a5a2c-8f0e-4c1d-9a6b-2f1e0d9c8b7a)']);
    expect(validateOscal("catalog", broken((d) => { delete (d.catalog.groups[0]!.controls[1] as Partial<Ctl>).title; }))).toEqual(['catalog.groups[0].controls[1]: the required field "title" is missing']);
    expect(validateOscal("catalog", broken((d) => { (d.catalog.metadata as Record<string, unknown>).colour = "red"; }))).toEqual(['catalog.metadata: the field "colour" is not allowed here']);
    expect(validateOscal("catalog", broken((d) => { d.catalog.metadata["last-modified"] = "yesterday"; }))[0]).toMatch(/^catalog\.metadata\.last-modified: "yesterday" is not a date and time with a time zone/);
    expect(validateOscal("catalog", broken((d) => { (d.catalog as Record<string, unknown>).groups = {}; }))).toEqual(["catalog.groups: must be a list, not an object"]);
  });
  it("refuses versions it has no schema for, naming the field", () => {
    expect(checkOscal("catalog", broken((d) => { d.catalog.metadata["oscal-version"] = "1.2.0"; }))).toEqual({
      schema: null, problems: ['catalog.metadata.oscal-version: OSCAL version "1.2.0" is not supported; import accepts OSCAL 1.0.x and 1.1.x documents'],
    });
    expect(validateOscal("catalog", broken((d) => { delete (d.catalog.metadata as Partial<Doc["catalog"]["metadata"]>)["oscal-version"]; }))).toEqual(['catalog.metadata: the required field "oscal-version" is missing']);
  });
  it("validates each model against its own root of the complete schema", () => {
    expect(validateOscal("profile", fedramp11)).toEqual(['the document: the required field "profile" is missing']);
    expect(validateOscal("component-definition", { "component-definition": { uuid: fedramp11.catalog.uuid, metadata: fedramp11.catalog.metadata } })).toEqual([]);
  });
});
