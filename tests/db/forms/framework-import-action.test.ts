import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "./actions-helpers";
import { importFrameworkAction } from "@/app/(dashboard)/admin/frameworks/actions";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { seedFrameworks } from "@/lib/server/posture/frameworks/seed";
import { seedControlCatalogue } from "@/lib/server/posture/seed-catalogue";
import { actorFor } from "@/lib/server/testing/factories";

// The Admin page's upload (Admin → Import a framework) with a catalog someone else wrote:
// GSA's FedRAMP rev5 LI-SaaS baseline, OSCAL 1.1.1, group IA.
const FEDRAMP = readFileSync("tests/fixtures/oscal/FedRAMP_rev5_LI-SaaS-baseline-resolved-profile_catalog.ia.json", "utf8");
const upload = (text: string, fields: Record<string, string> = {}) => {
  const f = new FormData();
  f.set("file", new File([text], "catalog.json", { type: "application/json" }));
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return importFrameworkAction(null, f);
};

describe("Admin → Import a framework", () => {
  beforeAll(async () => {
    await seedControlCatalogue(SYSTEM_CLI);
    await seedFrameworks(SYSTEM_CLI);
    signedIn.actor = await actorFor("compliance_officer");
  });

  it("imports an OSCAL 1.1.1 catalog and says how many requirements it brought", async () => {
    const r = await upload(FEDRAMP, { id: "fedramp-li-saas-ia-form" });
    expect(r).toMatchObject({ ok: true, message: "Imported fedramp-li-saas-ia-form: 17 requirements (17 new). Map your controls to them on the framework's page under Posture → Frameworks.", data: { id: "fedramp-li-saas-ia-form" } });
  });

  it("shows a broken document's JSON path and problem under the file field, and writes nothing", async () => {
    const doc = JSON.parse(FEDRAMP) as { catalog: { groups: { controls: Record<string, unknown>[] }[] } };
    delete doc.catalog.groups[0]!.controls[3]!.title;
    const r = await upload(JSON.stringify(doc), { id: "fedramp-form-broken" });
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.file).toBe('catalog.groups[0].controls[3]: the required field "title" is missing');
    expect(r.message).toContain("checked against NIST's OSCAL 1.1.3 schema");
    expect(await db().framework.count({ where: { id: "fedramp-form-broken" } })).toBe(0);
  });
});
