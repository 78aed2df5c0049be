import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogSchema } from "@/lib/posture/frameworks/catalog-schema";
import { catalogToOscal, oscalCatalogToCatalog, statementText, type OscalCatalogDoc } from "./catalog";
import { implementationToOscal } from "./component";
import { resolveProfile, type OscalProfileDoc } from "./profile";
import { validateOscal } from "./validate";

// NIST's SP 800-53 rev5 LOW baseline (resolved catalog, groups AC and AU) and the LOW profile, from usnistgov/oscal-content.
const fixture = (f: string) => JSON.parse(readFileSync(`tests/fixtures/oscal/${f}`, "utf8"));
const nist = fixture("NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.ac-au.json") as OscalCatalogDoc & { catalog: { groups: { id: string; controls: { id: string; title: string; controls?: { id: string }[] }[] }[] } };
const profile = fixture("NIST_SP-800-53_rev5_LOW-baseline_profile.json") as OscalProfileDoc;

const stored = (c: ReturnType<typeof oscalCatalogToCatalog>) => c.requirements.map((r) => ({
  identifier: r.identifier, title: r.title, text: r.text ?? null, parentIdentifier: r.parent ?? null, assessable: r.assessable ?? true, attributes: r.attributes ?? {},
}));
const controlIds = (groups: { controls?: { id: string; controls?: { id: string }[] }[] }[]) =>
  groups.flatMap((g) => (g.controls ?? []).flatMap((c) => [c.id, ...(c.controls ?? []).map((e) => e.id)]));

describe("OSCAL catalog import and export", () => {
  it("the fixture is a valid OSCAL catalog, and a bad one is refused with the path", () => {
    expect(validateOscal("catalog", nist)).toEqual([]);
    expect(validateOscal("catalog", { catalog: { uuid: "x", metadata: {} } })[0]).toMatch(/^catalog\.metadata: the required field "\w+" is missing$/);
  });
  it("imports groups, controls and enhancements as a requirement tree", () => {
    const c = catalogSchema.parse(oscalCatalogToCatalog(nist, { id: "nist-800-53-low" }));
    const ac2 = c.requirements.find((r) => r.identifier === "ac-2")!;
    expect(ac2).toMatchObject({ title: "Account Management", parent: "ac", citation: "AC-2" });
    expect(ac2.text).toContain("Define and document the types of accounts");
    expect(c.requirements.find((r) => r.identifier === "ac")).toMatchObject({ assessable: false });
    expect(c.requirements.filter((r) => r.assessable !== false)).toHaveLength(controlIds(nist.catalog.groups).length);
  });
  it("exports back a valid catalog with the same groups, controls, titles and labels", () => {
    const imported = oscalCatalogToCatalog(nist, { id: "nist-800-53-low" });
    const out = catalogToOscal({ id: imported.id, title: imported.title, version: imported.version }, stored(imported));
    expect(validateOscal("catalog", out)).toEqual([]);
    const back = out.catalog.groups as typeof nist.catalog.groups;
    expect(back.map((g) => g.id)).toEqual(nist.catalog.groups.map((g) => g.id));
    expect(controlIds(back)).toEqual(controlIds(nist.catalog.groups));
    expect(back[0]!.controls.map((c) => c.title)).toEqual(nist.catalog.groups[0]!.controls.map((c) => c.title));
    // The statement text survives a second import unchanged.
    const again = oscalCatalogToCatalog(out, { id: imported.id });
    expect(again.requirements.map((r) => [r.identifier, r.title, r.parent ?? null])).toEqual(imported.requirements.map((r) => [r.identifier, r.title, r.parent ?? null]));
  });
  it("statementText keeps item labels in order", () => {
    expect(statementText([{ name: "statement", parts: [{ name: "item", props: [{ name: "label", value: "a." }], prose: "Do X;", parts: [{ name: "item", props: [{ name: "label", value: "1." }], prose: "first" }] }] }])).toBe("a. Do X;\n  1. first");
  });
});

describe("OSCAL profile", () => {
  it("the LOW profile is valid and resolves to the selected controls of the imported catalog", () => {
    expect(validateOscal("profile", profile)).toEqual([]);
    const source = oscalCatalogToCatalog(nist, { id: "nist-800-53-low" });
    const resolved = catalogSchema.parse(resolveProfile(profile, source, { id: "low-ac-au" }));
    const wanted = new Set(profile.profile.imports.flatMap((i) => (i["include-controls"] ?? []).flatMap((s) => s["with-ids"] ?? [])));
    const got = resolved.requirements.filter((r) => r.assessable !== false).map((r) => r.identifier);
    expect(got.length).toBeGreaterThan(10);
    for (const id of got) expect(wanted.has(id), id).toBe(true);
    expect(got).toContain("ac-2");
    expect(got.every((id) => /^(ac|au)-/.test(id))).toBe(true); // only what the slice holds
  });
});

describe("OSCAL component definition", () => {
  it("exports the implementation as a valid component-definition", () => {
    let n = 0;
    const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
    const doc = implementationToOscal({
      organisation: "Example Org",
      frameworks: [{ id: "hipaa-security", title: "HIPAA Security Rule", source: "#hipaa-security", requirements: [
        { oscalId: "r164.312-d", status: "satisfied", reason: null, controls: [{ id: "SEC-MFA", title: "MFA", status: "satisfied" }], evidence: [{ name: "MFA report", href: "https://example.test/mfa" }] },
        { oscalId: "r164.308-a-4-ii-a", status: "not_applicable", reason: "Not a clearinghouse", controls: [], evidence: [] },
      ] }],
    }, new Date("2026-06-01T00:00:00Z"), uuid);
    expect(validateOscal("component-definition", doc)).toEqual([]);
    expect(doc["component-definition"].components[0]!["control-implementations"][0]!["implemented-requirements"]).toHaveLength(2);
  });
});
