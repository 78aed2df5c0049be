// The import matches rows to the register by id, else by name (docs/decisions/101):
// re-importing the exported register shows every row "unchanged" and writes nothing, a
// changed row is an update naming its changed columns, and errors speak the file's words.
// The shared database holds other files' records: assertions look at this file's rows.
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "@/lib/export/csv";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { createActivity, getActivity } from "@/lib/server/inventory/activities";
import { createAsset, getAsset } from "@/lib/server/inventory/assets";
import { exportInventory } from "@/lib/server/inventory/export";
import { commitImport, previewImport } from "@/lib/server/inventory/import";
import { archiveAsset } from "@/lib/server/inventory/lifecycle";
import { actorFor, makeUser } from "@/lib/server/testing/factories";
import { activityInput, assetInput } from "./fixtures";

let officer: Actor;
let tag: string;
let assetIds: string[];
let activityId: string;

/** The exported CSV cut down to the header and this file's rows (matched by name prefix). */
async function exportedRows(format: "assets.csv" | "activities.csv") {
  const [header, ...rows] = parseCsv((await exportInventory(officer, format)).body.toString("utf8"));
  return { header: header!, all: rows, mine: rows.filter((r) => r[0]!.startsWith(tag)) };
}
const csvOf = (header: string[], rows: string[][]) => toCsv(header, rows);
// Counted, not compared by seq: the sealer gives events their seq after they commit.
const inventoryEvents = () => db().auditEvent.count({ where: { action: { startsWith: "inventory." } } });

beforeAll(async () => {
  officer = await actorFor("compliance_officer");
  tag = `rimp${Date.now()}`;
  const owner = await makeUser({ role: "compliance_officer" });
  // Rich records: an owner, lists, a formula-looking description, special categories.
  const a = await createAsset(officer, assetInput({ name: `${tag} CRM`, ownerId: owner.id, description: "=1+1 is not a formula here", dataCategories: ["health", "contact"], locations: ["DE", "US"] }));
  const b = await createAsset(officer, assetInput({ name: `${tag} Warehouse`, encryptionAtRest: "none", retentionMonths: null, lastPenTestAt: null }));
  assetIds = [a.id, b.id];
  activityId = (
    await createActivity(
      officer,
      activityInput({
        name: `${tag} Payroll`,
        purposes: [{ purpose: "Pay salaries", lawfulBasis: "contract" }, { purpose: "Analytics", lawfulBasis: null }],
        recipients: [{ name: "Tax office", kind: "external" }, { name: "Payroll bureau", kind: "processor" }],
        transfers: [{ country: "US", recipient: "US Payroll Inc", safeguard: "scc" }],
        dpiaRequired: true,
        assetIds,
      }),
    )
  ).id;
});

describe("inventory import: re-importing the exported register", () => {
  it("assets: every exported row is matched (none is a create), this file's rows are unchanged, and committing them writes nothing", async () => {
    const { header, all, mine } = await exportedRows("assets.csv");
    expect(mine).toHaveLength(2);
    const full = await previewImport(officer, "assets", csvOf(header, all));
    expect(full.rows.filter((r) => r.action === "create")).toEqual([]);
    const preview = await previewImport(officer, "assets", csvOf(header, mine));
    expect(preview.rows.map((r) => [r.action, r.errors, r.changes])).toEqual([["unchanged", [], []], ["unchanged", [], []]]);
    expect(preview.rows.map((r) => r.recordId).sort()).toEqual([...assetIds].sort());
    const count = await db().dataAsset.count();
    const events = await inventoryEvents();
    const res = await commitImport(officer, "assets", csvOf(header, mine));
    expect(res).toMatchObject({ imported: 0, created: 0, updated: 0, unchanged: 2 });
    expect(await db().dataAsset.count()).toBe(count);
    expect(await inventoryEvents()).toBe(events);
  });

  it("activities: the exported record (purposes, recipients, transfers, linked assets) is unchanged and writes nothing", async () => {
    const { header, mine } = await exportedRows("activities.csv");
    expect(mine).toHaveLength(1);
    const preview = await previewImport(officer, "activities", csvOf(header, mine));
    expect(preview.rows[0]).toMatchObject({ action: "unchanged", errors: [], changes: [], recordId: activityId });
    const count = await db().processingActivity.count();
    const events = await inventoryEvents();
    expect(await commitImport(officer, "activities", csvOf(header, mine))).toMatchObject({ imported: 0, unchanged: 1 });
    expect(await db().processingActivity.count()).toBe(count);
    expect(await inventoryEvents()).toBe(events);
  });
});

describe("inventory import: matching by id, else by name", () => {
  it("a row without id matches by name, trimmed and case-insensitive: an update naming the changed column, no new row", async () => {
    const header = "name,hosting,data_categories,encryption_at_rest,encryption_in_transit,access_control,backup,deletion_method,business_unit";
    const name = `  ${tag.toUpperCase()} warehouse `;
    const csv = `${header}\n"${name}",saas,identity;contact,none,tls12_plus,rbac,encrypted,automated,Logistics\n`;
    const preview = await previewImport(officer, "assets", csv);
    expect(preview.rows[0]).toMatchObject({ action: "update", recordId: assetIds[1], errors: [] });
    expect(preview.rows[0]!.changes).toContainEqual({ column: "Business unit", before: "Sales", after: "Logistics" });
    const count = await db().dataAsset.count();
    const res = await commitImport(officer, "assets", csv);
    expect(res).toMatchObject({ created: 0, updated: 1 });
    expect(await db().dataAsset.count()).toBe(count);
    expect((await getAsset(officer, assetIds[1]!)).businessUnit).toBe("Logistics");
    expect(await db().auditEvent.count({ where: { entityId: assetIds[1], action: "inventory.asset.update" } })).toBe(1);
  });

  it("the id column wins over the name (a rename), an unknown or archived id is named, a new name is a create", async () => {
    const { header, mine } = await exportedRows("activities.csv");
    const idAt = header.indexOf("id");
    const renamed = mine[0]!.map((v, i) => (i === 0 ? `${tag} Payroll (renamed)` : v));
    const preview = await previewImport(officer, "activities", csvOf(header, [renamed]));
    expect(preview.rows[0]).toMatchObject({ action: "update", recordId: activityId });
    expect(preview.rows[0]!.changes.map((c) => c.column)).toEqual(["Name"]);
    await commitImport(officer, "activities", csvOf(header, [renamed]));
    expect((await getActivity(officer, activityId)).name).toBe(`${tag} Payroll (renamed)`);

    const unknown = mine[0]!.map((v, i) => (i === idAt ? "no-such-id" : v));
    expect((await previewImport(officer, "activities", csvOf(header, [unknown]))).rows[0]!.errors).toEqual([`Row 2, "Id": "no-such-id" is not a processing activity in this register`]);

    const spare = await createAsset(officer, assetInput({ name: `${tag} Spare` }));
    await archiveAsset(officer, spare.id);
    const assetCsv = `name,hosting,encryption_at_rest,encryption_in_transit,access_control,backup,id\nX,saas,none,tls12_plus,rbac,encrypted,${spare.id}\n${tag} Brand new,saas,none,tls12_plus,rbac,encrypted,\n`;
    const p2 = await previewImport(officer, "assets", assetCsv);
    expect(p2.rows[0]!.errors[0]).toMatch(/^Row 2, "Id": ".+" is an archived asset; restore it/);
    expect(p2.rows[1]).toMatchObject({ action: "create", errors: [] });
  });

  it("two rows for the same record are refused, naming both rows", async () => {
    const header = "name,hosting,encryption_at_rest,encryption_in_transit,access_control,backup";
    const csv = `${header}\n${tag} CRM,saas,none,tls12_plus,rbac,encrypted\n${tag.toUpperCase()} crm,saas,none,tls12_plus,rbac,encrypted\n`;
    const preview = await previewImport(officer, "assets", csv);
    expect(preview.rows[1]!.errors).toContain(`Row 3: the same asset as row 2; each record may appear once`);
  });
});

describe("inventory import: errors in the file's words", () => {
  it("names the row, the column as a spreadsheet shows it and the value typed, never the field path", async () => {
    const header = "name,hosting,data_categories,encryption_at_rest,encryption_in_transit,access_control,backup,volume_band,mfa_enforced,review_interval_months";
    const csv = `${header}\n${tag} ok,saas,contact,none,tls12_plus,rbac,encrypted,,no,12\n${tag} bad,saas,contact;identity;helth,none,tls12_plus,rbac,encrypted,huge,perhaps,99\n`;
    const preview = await previewImport(officer, "assets", csv);
    const errors = preview.rows[1]!.errors;
    expect(errors).toContainEqual(expect.stringMatching(/^Row 3, "Data categories": "helth" is not a known data category \(expected one of .*identity.*\)$/));
    expect(errors).toContainEqual(expect.stringMatching(/^Row 3, "Volume band": "huge" is not a known value \(expected one of /));
    expect(errors).toContain(`Row 3, "Mfa enforced": "perhaps" must be yes or no`);
    expect(errors).toContain(`Row 3, "Review interval months": "99" is too large (at most 36)`);
    expect(errors.join(" ")).not.toMatch(/dataCategories|volumeBand|reviewIntervalMonths|\.2\b/);
  });
});
