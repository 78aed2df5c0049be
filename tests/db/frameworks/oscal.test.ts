import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { checkOscal, validateOscal } from "@/lib/oscal/validate";
import { SYSTEM_CLI, type Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { frameworkDetail } from "@/lib/server/posture/frameworks/coverage";
import { mapControl } from "@/lib/server/posture/frameworks/mappings";
import { exportFrameworkOscal, exportImplementationOscal, importFramework } from "@/lib/server/posture/frameworks/oscal";
import { seedFrameworks } from "@/lib/server/posture/frameworks/seed";
import { seedControlCatalogue } from "@/lib/server/posture/seed-catalogue";
import { actorFor } from "@/lib/server/testing/factories";

const CATALOG = readFileSync("tests/fixtures/oscal/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.ac-au.json", "utf8");
const PROFILE = readFileSync("tests/fixtures/oscal/NIST_SP-800-53_rev5_LOW-baseline_profile.json", "utf8");
// GSA's FedRAMP rev5 LI-SaaS baseline, OSCAL 1.1.1 (group IA): a catalog written by someone else.
const FEDRAMP = readFileSync("tests/fixtures/oscal/FedRAMP_rev5_LI-SaaS-baseline-resolved-profile_catalog.ia.json", "utf8");
type Ctl = { id: string; title: string; controls?: Ctl[] };
const ids = (groups: { controls?: Ctl[] }[]) => groups.flatMap((g) => (g.controls ?? []).flatMap((c) => [c.id, ...(c.controls ?? []).map((e) => e.id)]));

async function code(p: Promise<unknown>): Promise<string> {
  try { await p; return "ok"; } catch (e) { return (e as { code?: string }).code ?? String(e); }
}

let officer: Actor;
beforeAll(async () => {
  await seedControlCatalogue(SYSTEM_CLI);
  await seedFrameworks(SYSTEM_CLI);
  officer = await actorFor("compliance_officer");
});

describe("OSCAL import and export", () => {
  it("imports NIST's catalog slice, exports it back valid with the same controls, and re-import changes nothing", async () => {
    const r = await importFramework(officer, CATALOG, { id: "nist-800-53r5-low-slice" });
    expect(r).toMatchObject({ id: "nist-800-53r5-low-slice", created: true });
    const d = await frameworkDetail(officer, "nist-800-53r5-low-slice");
    expect(d.framework.origin).toBe("import");
    expect(d.requirements.find((q) => q.identifier === "ac-2")).toMatchObject({ title: "Account Management", parentId: "nist-800-53r5-low-slice:ac" });
    const out = await exportFrameworkOscal(officer, "nist-800-53r5-low-slice");
    expect(validateOscal("catalog", out)).toEqual([]);
    const original = JSON.parse(CATALOG) as { catalog: { groups: { id: string; controls?: Ctl[] }[] } };
    expect(ids(out.catalog.groups as typeof original.catalog.groups)).toEqual(ids(original.catalog.groups));
    expect((await importFramework(officer, CATALOG, { id: "nist-800-53r5-low-slice" })).added).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "posture.framework.import", entityId: "nist-800-53r5-low-slice" } })).toBe(2);
  });
  it("resolves the LOW profile against the imported catalog", async () => {
    const r = await importFramework(officer, PROFILE, { id: "nist-low-ac-au", source: "nist-800-53r5-low-slice" });
    const d = await frameworkDetail(officer, r.id);
    expect(d.coverage.summary.assessable).toBeGreaterThan(10);
    expect(d.coverage.requirements.map((q) => q.requirementId)).toContain("nist-low-ac-au:ac-2");
    expect(await code(importFramework(officer, PROFILE, { id: "x-profile", source: "missing" }))).toBe("VALIDATION");
  });
  it("imports FedRAMP's OSCAL 1.1.1 catalog and exports it back as valid OSCAL 1.1.3", async () => {
    const r = await importFramework(officer, FEDRAMP, { id: "fedramp-li-saas-ia" });
    expect(r).toMatchObject({ created: true, requirements: 17 }); // the IA group, its 8 controls and 8 enhancements
    const out = await exportFrameworkOscal(officer, "fedramp-li-saas-ia");
    expect(out.catalog.metadata["oscal-version"]).toBe("1.1.3");
    expect(checkOscal("catalog", out)).toEqual({ schema: "1.1.3", problems: [] });
    const original = JSON.parse(FEDRAMP) as { catalog: { groups: { id: string; controls?: Ctl[] }[] } };
    expect(ids(out.catalog.groups as typeof original.catalog.groups)).toEqual(ids(original.catalog.groups));
  });
  it("says where a broken OSCAL document is wrong, and writes nothing", async () => {
    const doc = JSON.parse(FEDRAMP) as { catalog: { groups: { controls: { id: string }[] }[] } };
    doc.catalog.groups[0]!.controls[0]!.id = "ia 1";
    const e = await importFramework(officer, JSON.stringify(doc), { id: "fedramp-broken" }).catch((x: Error) => x);
    expect((e as Error).message).toBe(`Not a valid OSCAL catalog (checked against NIST's OSCAL 1.1.3 schema): catalog.groups[0].controls[0].id: "ia 1" is not a token (a letter or "_", then letters, digits, ".", "-" or "_"; no spaces)`);
    const newer = JSON.parse(FEDRAMP) as { catalog: { metadata: Record<string, string> } };
    newer.catalog.metadata["oscal-version"] = "2.0.0";
    expect(((await importFramework(officer, JSON.stringify(newer), { id: "fedramp-broken" }).catch((x: Error) => x)) as Error).message).toContain('catalog.metadata.oscal-version: OSCAL version "2.0.0" is not supported');
    expect(await db().framework.count({ where: { id: "fedramp-broken" } })).toBe(0);
  });
  it("refuses invalid documents, built-in ids and readers", async () => {
    expect(await code(importFramework(officer, "{not json"))).toBe("VALIDATION");
    expect(await code(importFramework(officer, JSON.stringify({ catalog: { uuid: "nope" } })))).toBe("VALIDATION");
    expect(await code(importFramework(officer, CATALOG, { id: "gdpr" }))).toBe("CONFLICT");
    expect(await code(importFramework(await actorFor("auditor"), CATALOG, { id: "y" }))).toBe("FORBIDDEN");
    expect(await db().framework.count({ where: { id: { in: ["y", "x-profile"] } } })).toBe(0);
  });
  it("exports the implementation as a valid component-definition with statuses and evidence", async () => {
    await mapControl(officer, { controlId: "SEC-LEAST-PRIVILEGE", requirementId: "nist-800-53r5-low-slice:ac-2", rationale: "Role-based grants with periodic review." });
    const doc = await exportImplementationOscal(officer, "Example Org");
    expect(validateOscal("component-definition", doc)).toEqual([]);
    const impls = doc["component-definition"].components[0]!["control-implementations"];
    const slice = impls.find((i) => i.source === "#nist-800-53r5-low-slice")!;
    expect(slice["implemented-requirements"].find((q) => q["control-id"] === "ac-2")!.description).toContain("SEC-LEAST-PRIVILEGE");
    expect(impls.some((i) => i.source === "#hipaa-security")).toBe(true);
  });
});
