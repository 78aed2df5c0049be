import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { admin, expectSignedIn, makeUser, signIn } from "../support/fixtures";

const tag = () => randomBytes(3).toString("hex");

async function officer(page: Page) {
  const email = makeUser("compliance_officer", "officer");
  await signIn(page, email);
  await expectSignedIn(page);
  return email;
}

test("an officer records an asset with special-category data and no encryption, sees the gaps, fixes them and sees them go", async ({ page }) => {
  const email = await officer(page);
  const name = `Clinic records ${tag()}`;
  await page.goto("/inventory/assets/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Locations").fill("de, fr");
  await page.getByLabel("Health data").check();
  await page.getByLabel("Patients").check();
  await page.getByLabel("Encryption at rest").selectOption("none");
  await page.getByRole("button", { name: "Create asset" }).click();

  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("Saved.")).toBeVisible();
  const findings = page.getByTestId("findings");
  await expect(findings.getByText("Personal data stored without encryption at rest")).toBeVisible();
  await expect(findings.getByText("Asset with personal data but no owner")).toBeVisible();
  await expect(findings.getByText("No retention period")).toBeVisible();

  // The overview names the rule and the record.
  // The overview pages its findings (50 a page); the rule's link narrows them to that rule.
  await page.goto("/inventory");
  await page.getByTestId("findings-by-rule").getByRole("link", { name: "Personal data stored without encryption at rest" }).click();
  await expect(page).toHaveURL(/rule=personal_data_not_encrypted_at_rest/);
  await expect(page.getByRole("heading", { name: "Gap findings: Personal data stored without encryption at rest" })).toBeVisible();
  await expect(page.getByTestId("findings").getByTestId("finding-personal_data_not_encrypted_at_rest").filter({ hasText: name })).toBeVisible();
  await expect(page.getByTestId("findings").getByTestId("finding-no_retention_period"), "other rules are filtered out").toHaveCount(0);

  await page.getByRole("link", { name }).first().click();
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Encryption at rest").selectOption("customer_managed");
  await page.getByLabel("Owner").selectOption({ label: `officer tester (${email})` });
  await page.getByLabel("Retention period (months)").fill("84");
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByTestId("no-findings")).toHaveText("No gaps: this asset meets every rule.");
  await expect(page.getByTestId("encryption-at-rest")).toHaveText("Customer-managed keys");
  await expect(page.getByTestId("history")).toContainText("Edited by " + email);
  await expect(page.getByTestId("history")).toContainText("encryptionAtRest: none → customer_managed");

  await page.getByLabel("Review comment").fill("Checked the key vault and the owner.");
  await page.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(page.getByText(/Marked reviewed\. Next review due \d{1,2} [A-Z][a-z]{2} \d{4}\./)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("reviews")).toContainText("Checked the key vault and the owner.");

  await page.goto("/inventory?rule=personal_data_not_encrypted_at_rest");
  await expect(page.getByTestId("findings").getByText(name)).toHaveCount(0);
});

test("a processing activity without a lawful basis and with health data is flagged until fixed", async ({ page }) => {
  await officer(page);
  const name = `Patient follow-up ${tag()}`;
  await page.goto("/inventory/activities/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Purpose 1", { exact: true }).fill("Call patients after discharge");
  await page.getByLabel("Health data").check();
  await page.getByLabel("Time limits for erasure").fill("2 years after discharge");
  await page.getByRole("button", { name: "Create processing activity" }).click();

  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("finding-no_lawful_basis")).toContainText("Call patients after discharge");
  await expect(page.getByTestId("finding-special_category_without_art9_condition")).toBeVisible();

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Lawful basis 1", { exact: true }).selectOption("vital_interests");
  await page.getByLabel(/Art\. 9\(2\) condition/).selectOption("health_care");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByTestId("no-findings")).toBeVisible();
  await expect(page.getByTestId("purposes")).toContainText("Art. 6(1)(d) vital interests");
});

test("a form with a bad value keeps what was typed and names the field", async ({ page }) => {
  await officer(page);
  await page.goto("/inventory/assets/new");
  await page.getByLabel("Name", { exact: true }).fill("Typo test");
  await page.getByLabel("Locations").fill("DE XX");
  await page.getByRole("button", { name: "Create asset" }).click();
  await expect(page.getByText(/not a two-letter country code/)).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Typo test");
});

test("a CSV with one bad row imports nothing and names the row; the fixed file imports", async ({ page }) => {
  await officer(page);
  const t = tag();
  const header = "name,hosting,locations,data_categories,encryption_at_rest,encryption_in_transit,access_control,backup,retention_months,deletion_method";
  const good = `Import good ${t},saas,DE,contact,provider_managed,tls12_plus,rbac,encrypted,12,automated`;
  const bad = `Import bad ${t},saas,DE,contact,sometimes,tls12_plus,rbac,encrypted,12,automated`;
  await page.goto("/inventory/import");
  await page.locator('input[type="file"]').setInputFiles({ name: "assets.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\n${good}\n${bad}\n`) });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("form-message")).toContainText("1 of 2 rows have errors");
  await expect(page.getByTestId("import-row-3")).toContainText(`"Encryption at rest": "sometimes" is not a known value`);
  await expect(page.getByTestId("import-row-2")).toContainText("OK");
  await expect(page.getByRole("button", { name: /^Import/ })).toBeDisabled();

  await page.goto(`/inventory/assets?q=${t}`);
  await expect(page.getByText("No assets match.")).toBeVisible();

  await page.goto("/inventory/import");
  const fixed = bad.replace("sometimes", "none");
  await page.locator('input[type="file"]').setInputFiles({ name: "assets.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\n${good}\n${fixed}\n`) });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("form-message")).toContainText("All 2 rows are valid");
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  // What happened, then where to find it (decision 016).
  await expect(page.getByTestId("toast")).toHaveText("Imported: 2 created, 0 updated, 0 unchanged. Find them under Inventory → Systems / assets.");
  await page.goto(`/inventory/assets?q=${t}`);
  await expect(page.getByTestId(`asset-row-Import good ${t}`)).toBeVisible();
  await expect(page.getByTestId(`asset-row-Import bad ${t}`)).toContainText("None");
});

test("without JavaScript the CSV import previews the posted file and imports what it previewed", async ({ browser, page }) => {
  await officer(page);
  const t = tag();
  const header = "name,hosting,locations,data_categories,encryption_at_rest,encryption_in_transit,access_control,backup,retention_months,deletion_method";
  const ctx = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await ctx.newPage();
  await plain.goto("/inventory/import");
  await plain.getByLabel("CSV file").setInputFiles({ name: "nojs.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\nNo-JS import ${t},saas,DE,contact,provider_managed,tls12_plus,rbac,encrypted,12,automated\n`) });
  await plain.getByRole("button", { name: "Preview" }).click();
  await expect(plain.getByTestId("form-message")).toContainText("All 1 rows are valid");
  await expect(plain.getByText("Previewed: nojs.csv")).toBeVisible();
  await plain.getByRole("button", { name: "Import 1 rows" }).click();
  await expect(plain.getByTestId("form-message")).toHaveText("Imported: 1 created, 0 updated, 0 unchanged. Find them under Inventory → Systems / assets.");
  await ctx.close();
  await page.goto(`/inventory/assets?q=${t}`);
  await expect(page.getByTestId(`asset-row-No-JS import ${t}`)).toBeVisible();
});

test("exports: CSV is formula-safe, XLSX and the Art. 30 PDF download", async ({ page }) => {
  await officer(page);
  const name = `=HYPERLINK("http://x.test","click") ${tag()}`;
  await page.goto("/inventory/assets/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create asset" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.goto("/inventory");

  const csv = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Assets (CSV)" }).click()]).then(([d]) => d);
  expect(csv.suggestedFilename()).toMatch(/^assets-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await csv.path())!, "utf8");
  expect(text).toContain("name,description,owner_email");
  expect(text).toContain(`"'=HYPERLINK(""http://x.test"",""click"")`);
  expect(text).toContain("Salesforce CRM");

  const xlsx = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Whole register (XLSX)" }).click()]).then(([d]) => d);
  expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe("PK");

  const pdf = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Art\. 30 record for the supervisory authority/ }).click()]).then(([d]) => d);
  expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe("%PDF-");
});

test("the demo inventory shows deliberate gaps on the overview", async ({ page }) => {
  await officer(page);
  await page.goto("/inventory");
  await expect(page.getByTestId("count-assets")).not.toHaveText("0");
  await expect(page.getByTestId("overdue-list")).toContainText("HR file share");
  await page.goto("/inventory?rule=transfer_without_safeguard");
  await expect(page.getByTestId("finding-transfer_without_safeguard").filter({ hasText: "Email marketing" })).toBeVisible();
  await page.goto("/inventory");
  await expect(page.getByTestId("overdue-list")).toContainText("HR file share");
  await page.getByRole("link", { name: "Processing activities (Art. 30)" }).click();
  await page.getByLabel("Lawful basis").selectOption("legal_obligation");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("activity-row-Payroll and salary payments")).toBeVisible();
  await expect(page.getByTestId("activity-row-Email marketing")).toHaveCount(0);
});

test("an auditor reads the inventory but cannot change it; a reviewer cannot see it", async ({ browser }) => {
  const auditorCtx = await browser.newContext();
  const ap = await auditorCtx.newPage();
  await signIn(ap, makeUser("auditor"));
  await expectSignedIn(ap);
  await ap.goto("/inventory/assets");
  await expect(ap.getByTestId("asset-row-Salesforce CRM")).toBeVisible();
  await expect(ap.getByRole("link", { name: "New asset" })).toHaveCount(0);
  await ap.goto("/inventory/assets/new");
  await expect(ap.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  await auditorCtx.close();

  const reviewerCtx = await browser.newContext();
  const rp = await reviewerCtx.newPage();
  await signIn(rp, makeUser("reviewer"));
  await expectSignedIn(rp);
  await rp.goto("/inventory");
  await expect(rp.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  const res = await rp.request.get("/inventory/export/assets.csv");
  expect(res.status()).toBe(403);
  await reviewerCtx.close();
});

test("machine API: round trip with the right scopes, refused without them", async ({ request }) => {
  const lastLine = (out: string) => out.trim().split("\n").pop()!;
  const writer = lastLine(admin("apikey:create", "--name", `inv-writer-${tag()}`, "--scopes", "inventory:read,inventory:write"));
  const reader = lastLine(admin("apikey:create", "--name", `inv-reader-${tag()}`, "--scopes", "inventory:read"));
  const auth = (k: string) => ({ authorization: `Bearer ${k}` });
  const body = {
    name: `API asset ${tag()}`, hosting: "cloud", locations: ["DE"], dataCategories: ["phi"], subjectCategories: ["patients"], encryptionAtRest: "none",
    encryptionInTransit: "tls12_plus", accessControl: "rbac", mfaEnforced: true, loggingEnabled: true, backup: "encrypted", retentionMonths: 12, deletionMethod: "automated",
  };
  expect((await request.post("/api/v1/assets", { data: body })).status()).toBe(401);
  const refused = await request.post("/api/v1/assets", { data: body, headers: auth(reader) });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("FORBIDDEN");

  const created = await request.post("/api/v1/assets", { data: body, headers: { ...auth(writer), "Idempotency-Key": `e2e-${tag()}` } });
  expect(created.status()).toBe(201);
  const asset = await created.json();
  expect(asset.findings.map((f: { rule: string }) => f.rule)).toContain("personal_data_not_encrypted_at_rest");

  const patched = await request.patch(`/api/v1/assets/${asset.id}`, { data: { encryptionAtRest: "provider_managed", version: asset.version }, headers: auth(writer) });
  expect(patched.status()).toBe(200);
  expect((await patched.json()).findings.map((f: { rule: string }) => f.rule)).toEqual(["asset_without_owner"]);
  expect((await request.patch(`/api/v1/assets/${asset.id}`, { data: { name: "x" }, headers: auth(reader) })).status()).toBe(403);

  const got = await request.get(`/api/v1/assets/${asset.id}`, { headers: auth(reader) });
  expect((await got.json()).encryptionAtRest).toBe("provider_managed");
  const page1 = await (await request.get("/api/v1/assets?limit=5&category=phi", { headers: auth(reader) })).json();
  expect(page1.items.length).toBeGreaterThan(0);

  const activity = await request.post("/api/v1/processing-activities", {
    data: { name: `API activity ${tag()}`, controllerName: "Demo", purposes: [{ purpose: "Care", lawfulBasis: "contract" }], subjectCategories: [], dataCategories: ["identity"], recipients: [], transfers: [], erasureTimeLimit: "1 year", dpiaRequired: false, assetIds: [asset.id] },
    headers: auth(writer),
  });
  expect(activity.status()).toBe(201);
  const act = await activity.json();
  expect((await (await request.get(`/api/v1/processing-activities/${act.id}`, { headers: auth(reader) })).json()).assets[0].id).toBe(asset.id);
  expect((await request.get("/api/v1/processing-activities?lawfulBasis=contract", { headers: auth(reader) })).status()).toBe(200);
  expect((await request.get("/api/v1/processing-activities/does-not-exist", { headers: auth(reader) })).status()).toBe(404);

  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.paths["/api/v1/processing-activities/{id}"].patch.security).toEqual([{ apiKey: ["inventory:write"] }]);
});
