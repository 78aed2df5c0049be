import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { PERMISSIONS, ROLES, type Role } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { parseCsv } from "@/lib/export/csv";
import { SYSTEM_CLI, type Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { createActivity, getActivity, listActivities, updateActivity } from "@/lib/server/inventory/activities";
import { createAsset, getAsset, listAssets, listOwnerCandidates, updateAsset } from "@/lib/server/inventory/assets";
import { exportInventory } from "@/lib/server/inventory/export";
import { recordHistory } from "@/lib/server/inventory/history";
import { commitImport, previewImport } from "@/lib/server/inventory/import";
import { getAssetSecuritySummaries, inventoryControlFindings } from "@/lib/server/inventory/integration";
import { inventoryOverview } from "@/lib/server/inventory/overview";
import { markReviewed } from "@/lib/server/inventory/reviews";
import { actorFor, makeUser } from "@/lib/server/testing/factories";
import { activityInput, assetInput, codeOf } from "./fixtures";

const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule).sort();

let officer: Actor;
let assetId: string;
let activityId: string;

beforeAll(async () => {
  officer = await actorFor("compliance_officer");
  assetId = (await createAsset(SYSTEM_CLI, assetInput())).id;
  activityId = (await createActivity(SYSTEM_CLI, activityInput({ assetIds: [assetId] }))).id;
});

describe("inventory: permission matrix (deny by default)", () => {
  const calls: [string, "inventory:read" | "inventory:write", (a: Actor) => Promise<unknown>][] = [
    ["listAssets", "inventory:read", (a) => listAssets(a)],
    ["getAsset", "inventory:read", (a) => getAsset(a, assetId)],
    ["createAsset", "inventory:write", (a) => createAsset(a, assetInput())],
    ["updateAsset", "inventory:write", (a) => updateAsset(a, assetId, { businessUnit: "Sales EMEA" })],
    ["listActivities", "inventory:read", (a) => listActivities(a)],
    ["getActivity", "inventory:read", (a) => getActivity(a, activityId)],
    ["createActivity", "inventory:write", (a) => createActivity(a, activityInput())],
    ["updateActivity", "inventory:write", (a) => updateActivity(a, activityId, { dpoContact: "privacy@example.org" })],
    ["markReviewed", "inventory:write", (a) => markReviewed(a, "asset", assetId, { comment: "checked" })],
    ["previewImport", "inventory:write", (a) => previewImport(a, "assets", "name,hosting\nX,saas\n")],
    ["commitImport", "inventory:write", (a) => commitImport(a, "assets", "name\n\n")],
    ["exportInventory", "inventory:read", (a) => exportInventory(a, "assets.csv")],
    ["inventoryOverview", "inventory:read", (a) => inventoryOverview(a)],
    ["recordHistory", "inventory:read", (a) => recordHistory(a, "asset", assetId)],
    ["listOwnerCandidates", "inventory:read", (a) => listOwnerCandidates(a)],
    ["getAssetSecuritySummaries", "inventory:read", (a) => getAssetSecuritySummaries(a, [assetId])],
    ["inventoryControlFindings", "inventory:read", (a) => inventoryControlFindings(a)],
  ];
  const actors = new Map<Role, Actor>();
  beforeAll(async () => {
    for (const r of ROLES) actors.set(r, await actorFor(r));
  });
  for (const [name, perm, call] of calls) {
    for (const role of ROLES) {
      const allowed = (PERMISSIONS[perm] as readonly Role[]).includes(role);
      it(`${name}: ${role} is ${allowed ? "allowed" : "refused"}`, async () => {
        const code = await codeOf(call(actors.get(role)!));
        if (allowed) expect(code).not.toBe("FORBIDDEN");
        else expect(code).toBe("FORBIDDEN");
      });
    }
    it(`${name}: anonymous is refused and a user still enrolling in MFA is refused`, async () => {
      expect(await codeOf(call({ kind: "anonymous", ip: null }))).toBe("UNAUTHENTICATED");
      expect(await codeOf(call(await actorFor("compliance_officer", { mfaEnrolmentRequired: true })))).toBe("FORBIDDEN");
    });
  }

  it("an API key with inventory:write bound to an auditor cannot write (the role limits the key)", async () => {
    const auditor = await makeUser({ role: "auditor" });
    const key: Actor = { kind: "api_key", keyId: "k1", name: "k", scopes: ["inventory:write"], role: "auditor", userId: auditor.id, ip: null };
    expect(await codeOf(createAsset(key, assetInput()))).toBe("FORBIDDEN");
    expect(await codeOf(listAssets(key))).toBe("OK");
  });

  it("an API key with only inventory:read cannot write, and a key with another area's scope cannot read", async () => {
    const reader: Actor = { kind: "api_key", keyId: "k2", name: "k", scopes: ["inventory:read"], role: null, userId: null, ip: null };
    const other: Actor = { kind: "api_key", keyId: "k3", name: "k", scopes: ["consent:read"], role: null, userId: null, ip: null };
    expect(await codeOf(updateAsset(reader, assetId, { name: "hijack" }))).toBe("FORBIDDEN");
    expect(await codeOf(getAsset(other, assetId))).toBe("FORBIDDEN");
  });

  it("a refusal is itself audited", async () => {
    const reviewer = await actorFor("reviewer");
    await codeOf(createAsset(reviewer, assetInput()));
    const ev = await db().auditEvent.findFirst({ where: { action: "permission.denied", actorId: reviewer.kind === "user" ? reviewer.userId : "" } });
    expect(ev?.diff).toContain("inventory:write");
  });
});

describe("inventory: assets", () => {
  it("creates an asset, audits it in the same transaction, and returns a DTO with ISO dates", async () => {
    const owner = await makeUser({ role: "compliance_officer" });
    const a = await createAsset(officer, assetInput({ name: "HR system", ownerId: owner.id }));
    expect(a).toMatchObject({ name: "HR system", owner: { id: owner.id, email: owner.email }, locations: ["DE", "IE"], version: 0, findings: [] });
    expect(a.nextReviewAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const ev = await db().auditEvent.findFirst({ where: { action: "inventory.asset.create", entityId: a.id } });
    expect(ev).not.toBeNull();
  });

  it("special-category data with no encryption and no owner shows findings, and fixing them clears them", async () => {
    const a = await createAsset(officer, assetInput({ dataCategories: ["health"], encryptionAtRest: "none", ownerId: null, retentionMonths: null }));
    expect(rules(a.findings)).toEqual(["asset_without_owner", "no_retention_period", "personal_data_not_encrypted_at_rest"]);
    const owner = await makeUser({ role: "compliance_officer" });
    const fixed = await updateAsset(officer, a.id, { encryptionAtRest: "customer_managed", ownerId: owner.id, retentionMonths: 84 });
    expect(fixed.findings).toEqual([]);
    expect(fixed.version).toBe(1);
    const overview = await inventoryOverview(officer);
    expect(overview.findings.filter((f) => f.recordId === a.id)).toEqual([]);
  });

  it("refuses bad input with a field path, and an unknown or disabled owner", async () => {
    const bad = await createAsset(officer, assetInput({ name: "", locations: ["XX"], dataCategories: ["nonsense"], encryptionAtRest: "rot13" })).catch((e) => e);
    expect(bad).toBeInstanceOf(AppError);
    expect(bad.code).toBe("VALIDATION");
    const paths = (bad.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "locations.0", "dataCategories.0", "encryptionAtRest"]));
    expect(await codeOf(createAsset(officer, assetInput({ ownerId: "not-a-user" })))).toBe("VALIDATION");
  });

  it("PATCH changes only the fields sent, refuses unknown fields, and 404s an unknown id", async () => {
    const a = await createAsset(officer, assetInput({ description: "keep me" }));
    const u = await updateAsset(officer, a.id, { businessUnit: "Finance" });
    expect(u.description).toBe("keep me");
    expect(u.businessUnit).toBe("Finance");
    expect(await codeOf(updateAsset(officer, a.id, { colour: "red" }))).toBe("VALIDATION");
    expect(await codeOf(updateAsset(officer, "nope", { businessUnit: "x" }))).toBe("NOT_FOUND");
  });

  it("refuses a stale version with CONFLICT and writes nothing", async () => {
    const a = await createAsset(officer, assetInput());
    await updateAsset(officer, a.id, { businessUnit: "One", version: 0 });
    expect(await codeOf(updateAsset(officer, a.id, { businessUnit: "Two", version: 0 }))).toBe("CONFLICT");
    expect((await getAsset(officer, a.id)).businessUnit).toBe("One");
  });

  it("lists with case-insensitive search, category filter and non-overlapping cursor pages", async () => {
    const tag = `zq${Date.now()}`;
    for (let i = 0; i < 5; i++) await createAsset(officer, assetInput({ name: `${tag.toUpperCase()} store ${i}`, dataCategories: i % 2 ? ["phi"] : ["contact"] }));
    const all = await listAssets(officer, { q: tag, limit: "50" });
    expect(all.total).toBe(5);
    const phi = await listAssets(officer, { q: tag, category: "phi" });
    expect(phi.items.map((a) => a.name).sort()).toEqual([`${tag.toUpperCase()} store 1`, `${tag.toUpperCase()} store 3`]);
    const p1 = await listAssets(officer, { q: tag, limit: "2" });
    const p2 = await listAssets(officer, { q: tag, limit: "2", cursor: p1.nextCursor! });
    const p3 = await listAssets(officer, { q: tag, limit: "2", cursor: p2.nextCursor! });
    const names = [...p1.items, ...p2.items, ...p3.items].map((a) => a.name);
    expect(new Set(names).size).toBe(5);
    expect(p3.nextCursor).toBeNull();
    const byPage = await listAssets(officer, { q: tag, limit: "2", page: 3 });
    expect(byPage.items.map((a) => a.name)).toEqual(p3.items.map((a) => a.name));
    expect(await codeOf(listAssets(officer, { sort: "password" }))).toBe("VALIDATION");
  });
});

describe("inventory: processing activities", () => {
  it("records every Art. 30(1) item and links assets", async () => {
    const p = await createActivity(officer, activityInput({ assetIds: [assetId], transfers: [{ country: "us", recipient: "Payroll Inc", safeguard: "scc" }] }));
    expect(p.assets.map((a) => a.id)).toEqual([assetId]);
    expect(p.transfers).toEqual([{ country: "US", recipient: "Payroll Inc", safeguard: "scc" }]);
    expect(p.findings).toEqual([]);
    const asset = await getAsset(officer, assetId);
    expect(asset.activities.map((x) => x.id)).toContain(p.id);
  });

  it("gaps appear (no basis, Art. 9 without condition, unsafe transfer, DPIA not done) and disappear when fixed", async () => {
    const p = await createActivity(
      officer,
      activityInput({ purposes: [{ purpose: "Wellness analytics", lawfulBasis: null }], dataCategories: ["health"], transfers: [{ country: "US", safeguard: "none" }], dpiaRequired: true, erasureTimeLimit: null }),
    );
    expect(rules(p.findings)).toEqual(["dpia_not_done", "no_lawful_basis", "no_retention_period", "special_category_without_art9_condition", "transfer_without_safeguard"]);
    const fixed = await updateActivity(officer, p.id, {
      purposes: [{ purpose: "Wellness analytics", lawfulBasis: "consent" }],
      art9Condition: "explicit_consent",
      transfers: [{ country: "US", safeguard: "scc" }],
      dpiaStatus: "completed",
      erasureTimeLimit: "12 months",
    });
    expect(fixed.findings).toEqual([]);
    const control = await inventoryControlFindings(officer);
    expect(control.activitiesWithoutLawfulBasis.map((x) => x.id)).not.toContain(p.id);
  });

  it("refuses an unknown asset id (a client-sent id is looked up) and writes nothing", async () => {
    const before = await db().processingActivity.count();
    expect(await codeOf(createActivity(officer, activityInput({ assetIds: [assetId, "forged-id"] })))).toBe("VALIDATION");
    expect(await db().processingActivity.count()).toBe(before);
  });

  it("relinks assets on PATCH and filters by lawful basis and asset", async () => {
    const a2 = await createAsset(officer, assetInput());
    const p = await createActivity(officer, activityInput({ purposes: [{ purpose: "Marketing", lawfulBasis: "legitimate_interests" }] }));
    await updateActivity(officer, p.id, { assetIds: [a2.id] });
    const byAsset = await listActivities(officer, { assetId: a2.id });
    expect(byAsset.items.map((x) => x.id)).toEqual([p.id]);
    const byBasis = await listActivities(officer, { lawfulBasis: "legitimate_interests", limit: "200" });
    expect(byBasis.items.map((x) => x.id)).toContain(p.id);
    expect(byBasis.items.every((x) => x.purposes.some((y) => y.lawfulBasis === "legitimate_interests"))).toBe(true);
  });
});

describe("inventory: review cycle and history", () => {
  it("an overdue record is counted; marking it reviewed moves the next review and clears the count", async () => {
    const a = await createAsset(officer, assetInput({ nextReviewAt: "2020-01-01", reviewIntervalMonths: 6 }));
    expect(rules(a.findings)).toContain("review_overdue");
    let ov = await inventoryOverview(officer);
    expect(ov.overdue.map((o) => o.id)).toContain(a.id);
    const before = ov.counts.overdueReviews;
    const r = await markReviewed(officer, "asset", a.id, { comment: "Checked encryption and owner" });
    expect(new Date(r.nextReviewAt).getTime()).toBeGreaterThan(Date.now() + 150 * 86_400_000);
    ov = await inventoryOverview(officer);
    expect(ov.overdue.map((o) => o.id)).not.toContain(a.id);
    expect(ov.counts.overdueReviews).toBe(before - 1);
    expect(await codeOf(markReviewed(officer, "asset", a.id, { comment: "" }))).toBe("VALIDATION");
    expect(await codeOf(markReviewed(officer, "activity", a.id, { comment: "wrong kind" }))).toBe("NOT_FOUND");
  });

  it("the record's history lists its changes from the audit log, newest first", async () => {
    const a = await createAsset(officer, assetInput({ businessUnit: "Ops" }));
    await updateAsset(officer, a.id, { businessUnit: "Platform" });
    await markReviewed(officer, "asset", a.id, { comment: "ok" });
    const h = await recordHistory(officer, "asset", a.id);
    expect(h.map((e) => e.action)).toEqual(["inventory.review", "inventory.asset.update", "inventory.asset.create"]);
    expect(h[1]!.changes).toContain("businessUnit: Ops → Platform");
  });
});

describe("inventory: CSV import is all-or-nothing", () => {
  const header = "name,owner_email,hosting,locations,data_categories,encryption_at_rest,encryption_in_transit,access_control,backup,retention_months,deletion_method";

  it("a file with one bad row changes nothing, and the preview and the error name the row", async () => {
    const tag = `imp${Date.now()}`;
    const csv = `${header}\n${tag} A,,saas,DE,contact,provider_managed,tls12_plus,rbac,encrypted,12,automated\n${tag} B,,saas,ZZ,contact,sometimes,tls12_plus,rbac,encrypted,12,automated\n`;
    const preview = await previewImport(officer, "assets", csv);
    expect(preview).toMatchObject({ valid: 1, invalid: 1 });
    expect(preview.rows[1]).toMatchObject({ row: 3, name: `${tag} B` });
    expect(preview.rows[1]!.errors.join(" ")).toContain(`Row 3, "Locations": "ZZ" is not a two-letter country code`);
    const assetsBefore = await db().dataAsset.count();
    const auditBefore = await db().auditEvent.count();
    const err = await commitImport(officer, "assets", csv).catch((e) => e);
    expect(err.code).toBe("VALIDATION");
    expect(err.details.rows[1].row).toBe(3);
    expect(await db().dataAsset.count()).toBe(assetsBefore);
    // Only the failed attempt's nothing: no asset events were committed.
    expect(await db().auditEvent.count({ where: { seq: { gt: auditBefore }, action: "inventory.asset.create" } })).toBe(0);
  });

  it("a good file imports every row in one go, resolving owners by email and assets by name", async () => {
    const tag = `imp${Date.now()}`;
    const owner = await makeUser({ role: "compliance_officer" });
    const csv = `${header}\n"${tag} A",${owner.email},saas,DE;FR,contact,provider_managed,tls12_plus,rbac,encrypted,12,automated\n${tag} B,,cloud,US,health,none,mtls,rbac,none,,manual\n`;
    const res = await commitImport(officer, "assets", csv);
    expect(res.imported).toBe(2);
    const a = await getAsset(officer, res.ids[0]!);
    expect(a).toMatchObject({ owner: { email: owner.email }, locations: ["DE", "FR"] });
    const acts = `name,controller_name,purposes,data_categories,asset_names,erasure_time_limit\n${tag} P,Org,"Care [contract]; Research []",health,${tag} A; ${tag} B,5 years\n`;
    const r2 = await commitImport(officer, "activities", acts);
    const p = await getActivity(officer, r2.ids[0]!);
    expect(p.purposes).toEqual([{ purpose: "Care", lawfulBasis: "contract" }, { purpose: "Research", lawfulBasis: null }]);
    expect(p.assets).toHaveLength(2);
    expect(rules(p.findings)).toEqual(["no_lawful_basis", "special_category_without_art9_condition"]);
  });

  it("rows that became invalid between preview and commit: the commit re-validates and writes nothing", async () => {
    // Two rows naming the same new owner; disable the owner between preview and commit
    // so the commit's own re-validation refuses the whole file.
    const tag = `imp${Date.now()}`;
    const owner = await makeUser({ role: "compliance_officer" });
    const csv = `${header}\n${tag} A,${owner.email},saas,DE,contact,provider_managed,tls12_plus,rbac,encrypted,12,automated\n${tag} B,${owner.email},saas,DE,contact,provider_managed,tls12_plus,rbac,encrypted,12,automated\n`;
    expect((await previewImport(officer, "assets", csv)).invalid).toBe(0);
    await db().user.update({ where: { id: owner.id }, data: { disabledAt: new Date() } });
    expect(await codeOf(commitImport(officer, "assets", csv))).toBe("VALIDATION");
    expect(await db().dataAsset.count({ where: { name: { startsWith: tag } } })).toBe(0);
  });

  it("names unknown columns and unparseable CSV", async () => {
    expect((await previewImport(officer, "assets", "name,colour\nA,red\n")).fileErrors[0]).toMatch(/colour/);
    expect((await previewImport(officer, "assets", 'name\n"open\n')).fileErrors[0]).toMatch(/not valid CSV/);
  });
});

describe("inventory: exports", () => {
  it("CSV neutralises formula injection and re-imports as the same data; the export is audited", async () => {
    const a = await createAsset(officer, assetInput({ name: `=HYPERLINK("http://evil")${Date.now()}`, description: "+cmd" }));
    const file = await exportInventory(officer, "assets.csv");
    const text = file.body.toString("utf8");
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    const rows = parseCsv(text);
    const row = rows.find((r) => r[0]!.includes("HYPERLINK"))!;
    expect(row[1]).toBe("'+cmd");
    expect(await db().auditEvent.findFirst({ where: { action: "inventory.export", diff: { contains: "assets.csv" } } })).not.toBeNull();
    expect(a.id).toBeTruthy();
  });

  it("XLSX opens with Assets, Processing activities and Findings sheets; PDF is a PDF", async () => {
    const x = await exportInventory(officer, "register.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Assets", "Processing activities", "Findings"]);
    expect(wb.getWorksheet("Assets")!.getRow(1).getCell(1).value).toBe("name");
    const pdf = await exportInventory(officer, "art30.pdf");
    expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
    const one = await exportInventory(officer, "art30.pdf", { activityId });
    expect(one.body.length).toBeLessThan(pdf.body.length);
    expect(await codeOf(exportInventory(officer, "art30.pdf", { activityId: "nope" }))).toBe("NOT_FOUND");
    expect(await codeOf(exportInventory(officer, "passwords.csv"))).toBe("NOT_FOUND");
  });
});

describe("inventory: what other areas read", () => {
  it("getAssetSecuritySummaries reports encryption per asset and leaves out unknown ids", async () => {
    const enc = await createAsset(officer, assetInput({ encryptionAtRest: "customer_managed", encryptionInTransit: "mtls", dataCategories: ["phi"] }));
    const plain = await createAsset(officer, assetInput({ encryptionAtRest: "none", encryptionInTransit: "none" }));
    const s = await getAssetSecuritySummaries(officer, [enc.id, plain.id, "unknown"]);
    expect(s).toHaveLength(2);
    expect(s.find((x) => x.id === enc.id)).toEqual({ id: enc.id, name: enc.name, personalDataCategories: ["phi"], encryptedAtRest: true, encryptionAtRest: "customer_managed", encryptionInTransit: "mtls" });
    expect(s.find((x) => x.id === plain.id)).toMatchObject({ encryptedAtRest: false, encryptionAtRest: "none", encryptionInTransit: "none" });
    expect(await getAssetSecuritySummaries(officer, [])).toEqual([]);
  });

  it("inventoryControlFindings lists unencrypted personal-data assets and activities without a lawful basis", async () => {
    const bad = await createAsset(officer, assetInput({ encryptionAtRest: "none" }));
    const noData = await createAsset(officer, assetInput({ encryptionAtRest: "none", dataCategories: [] }));
    const noBasis = await createActivity(officer, activityInput({ purposes: [] }));
    const c = await inventoryControlFindings(officer);
    expect(c.unencryptedPersonalDataAssets.map((a) => a.id)).toContain(bad.id);
    expect(c.unencryptedPersonalDataAssets.map((a) => a.id)).not.toContain(noData.id);
    expect(c.unencryptedPersonalDataAssets.map((a) => a.id)).not.toContain(assetId);
    expect(c.activitiesWithoutLawfulBasis.find((a) => a.id === noBasis.id)).toMatchObject({ purposesWithoutBasis: [] });
    expect(c.activitiesWithoutLawfulBasis.map((a) => a.id)).not.toContain(activityId);
  });
});

describe("inventory: demo seed", () => {
  it("makes a dozen systems and a dozen activities through the area's functions, with deliberate gaps", async () => {
    const { seedInventoryDemo } = await import("@/lib/server/inventory/seed-demo");
    const before = await inventoryOverview(officer);
    const r = await seedInventoryDemo(SYSTEM_CLI);
    expect(r).toEqual({ assets: 12, activities: 12 });
    const after = await inventoryOverview(officer);
    expect(after.counts.assets - before.counts.assets).toBe(12);
    expect(after.counts.findings).toBeGreaterThan(before.counts.findings);
    const seeded = after.findings.filter((f) => ["HR file share", "Email marketing", "Office access control", "AI-assisted claims triage", "Customer analytics"].includes(f.recordName));
    expect(new Set(seeded.map((f) => f.rule))).toEqual(
      new Set(["personal_data_not_encrypted_at_rest", "asset_without_owner", "no_retention_period", "review_overdue", "no_lawful_basis", "transfer_without_safeguard", "special_category_without_art9_condition", "dpia_not_done"]),
    );
    expect(await db().auditEvent.count({ where: { action: "inventory.activity.create", actorType: "system" } })).toBeGreaterThanOrEqual(12);
  });
});
