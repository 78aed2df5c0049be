import { expect, test } from "@playwright/test";
import { admin, expectSignedIn, makeUser, signIn } from "../support/fixtures";

const tag = () => Math.random().toString(36).slice(2, 8);

// Linking an encrypted PHI system in the wizard pre-fills "encrypted" (and PHI, categories):
// encrypted PHI is not "unsecured PHI" (45 CFR 164.402) and California's duty covers
// unencrypted data (Cal. Civ. Code 1798.82(a)), so neither individual notice is due.
test("pick an encrypted asset in the wizard: HIPAA and California individual notices are absent", async ({ page, request }) => {
  const key = admin("apikey:create", "--name", `e2e-assets-${tag()}`, "--scopes", "inventory:write").trim().split("\n").pop()!;
  const assetName = `EHR vault ${tag()}`;
  const created = await request.post("/api/v1/assets", {
    headers: { authorization: `Bearer ${key}` },
    data: {
      name: assetName, hosting: "cloud", locations: ["US"], dataCategories: ["phi", "identity"], subjectCategories: ["patients"], encryptionAtRest: "customer_managed",
      encryptionInTransit: "tls12_plus", accessControl: "rbac", mfaEnforced: true, loggingEnabled: true, backup: "encrypted", retentionMonths: 72, deletionMethod: "automated",
    },
  });
  expect(created.status()).toBe(201);
  const asset = (await created.json()) as { id: string };

  await signIn(page, makeUser("compliance_officer", "breach-assets"));
  await expectSignedIn(page);
  await page.goto("/breaches/new");

  const title = `Lost laptop with EHR export ${tag()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Discovered / became aware").fill(new Date(Date.now() - 3 * 3_600_000).toISOString().slice(0, 16));
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Jurisdiction 1").fill("US-CA");
  await page.getByLabel("People affected 1").fill("700");
  await page.getByRole("button", { name: "Next" }).click();

  // Step 3: search the inventory by name and link the asset; its encryption is shown.
  await page.getByLabel("Search assets by name").fill(assetName);
  const results = page.getByTestId("asset-results");
  await expect(results).toContainText(assetName);
  await expect(results).toContainText("Encrypted at rest (customer-managed keys)");
  await page.getByRole("button", { name: `Link ${assetName}` }).click();
  await expect(page.getByTestId("linked-assets")).toContainText(assetName);

  // The answers are pre-filled (and stay editable), with the keys caveat.
  const encrypted = page.getByLabel("The data was unreadable to whoever got it (encrypted, and the keys were not compromised)");
  await expect(encrypted).toBeChecked();
  await expect(page.getByLabel("Protected health information (PHI) is involved")).toBeChecked();
  await expect(page.getByRole("textbox", { name: /^Data categories/ })).toHaveValue("Identity (name, date of birth), Protected health information (PHI)");
  await expect(page.getByTestId("encryption-prefill")).toContainText("every linked asset holding personal data is encrypted at rest");
  await expect(page.getByTestId("encryption-prefill")).toContainText("45 CFR 164.402");

  // Unticking shows the notices come back in the preview; ticking again removes them.
  await encrypted.uncheck();
  await page.getByRole("button", { name: "Next" }).click(); // risk
  await page.getByRole("button", { name: "Next" }).click(); // review
  const preview = page.getByTestId("obligation-preview");
  await expect(preview).toContainText("HIPAA · Individuals");
  await expect(preview).toContainText("US-CA · Individuals");
  await page.getByRole("button", { name: /^3\./ }).click();
  await encrypted.check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("No notification obligation follows from these facts.")).toBeVisible();
  await page.getByRole("button", { name: "Report incident" }).click();

  // The incident page: no individual notices; the asset is listed with a link to the inventory.
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByTestId("obligation-HIPAA:individuals")).toHaveCount(0);
  await expect(page.getByTestId("obligation-US-CA:individuals")).toHaveCount(0);
  const linked = page.getByTestId("incident-assets");
  await expect(linked).toContainText("Encrypted at rest (customer-managed keys)");
  await linked.getByRole("link", { name: assetName }).click();

  // The asset page lists the incident.
  await expect(page).toHaveURL(new RegExp(`/inventory/assets/${asset.id}$`));
  await expect(page.getByTestId("asset-incidents")).toContainText(title);
});
