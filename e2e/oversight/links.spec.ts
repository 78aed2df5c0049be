import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { admin, expectSignedIn, makeUser, signIn } from "../support/fixtures";

const lastLine = (out: string) => out.trim().split("\n").at(-1)!.trim();
const tag = () => randomBytes(3).toString("hex");

test("an officer links a data asset to an AI system and sees the system on the asset's page", async ({ page, request }) => {
  const officer = makeUser("compliance_officer", "links-officer");
  // The inventory and the registry are filled by their pipelines, through the API.
  const inventoryKey = lastLine(admin("apikey:create", "--name", "cmdb-sync", "--scopes", "inventory:write"));
  const mlopsKey = lastLine(admin("apikey:create", "--name", "mlops", "--scopes", "oversight:admin", "--user", officer));
  const assetName = `Applicant files ${tag()}`;
  const asset = await request.post("/api/v1/assets", {
    headers: { Authorization: `Bearer ${inventoryKey}` },
    data: { name: assetName, hosting: "cloud", hostingProvider: "AWS", locations: ["DE"], dataCategories: ["identity", "financial"], subjectCategories: ["customers"], encryptionAtRest: "customer_managed", encryptionInTransit: "tls12_plus", accessControl: "rbac", mfaEnforced: true, loggingEnabled: true, backup: "encrypted", deletionMethod: "automated", retentionMonths: 24 },
  });
  expect(asset.status(), await asset.text()).toBe(201);
  const assetId = ((await asset.json()) as { id: string }).id;
  const systemName = `Credit scorer ${tag()}`;
  const created = await request.post("/api/v1/ai-systems", { headers: { Authorization: `Bearer ${mlopsKey}` }, data: { name: systemName, purpose: "Scores consumer-credit applications", riskTier: "high" } });
  expect(created.status()).toBe(201);
  const system = (await created.json()) as { id: string; assetIds: string[] };
  expect(system.assetIds).toEqual([]);

  await signIn(page, officer);
  await expectSignedIn(page);

  // Before linking, the asset says no AI system uses it.
  await page.goto(`/inventory/assets/${assetId}`);
  await expect(page.getByText("No AI system is recorded as using this asset.")).toBeVisible();

  // The registry is paged (25 systems a page): find the system by name.
  await page.goto("/oversight/systems");
  await page.getByRole("search").getByLabel("Name").fill(systemName);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByTestId("system-summary")).toHaveCount(1);
  await page.getByRole("link", { name: `Open ${systemName}` }).click();
  await expect(page.getByRole("heading", { name: systemName, level: 1 })).toBeVisible();
  await expect(page.getByText("No asset linked.")).toBeVisible();
  // The picker offers the first 100 records by name: find this one on the server first.
  await page.getByLabel("Find assets and activities by name").fill(assetName);
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await expect(page).toHaveURL(/find=/);
  await expect(page.getByTestId("link-candidates-note")).toContainText("1 asset");
  await page.getByLabel("Filter inventory records").fill(assetName);
  await page.getByRole("checkbox", { name: assetName }).check();
  await page.getByRole("button", { name: "Save links" }).click();
  await expect(page.getByText("Links saved: 1 asset(s)")).toBeVisible();
  await expect(page.getByTestId("linked-assets").getByRole("link", { name: assetName })).toBeVisible();

  // The other side: the asset page lists the system, and the link leads back to it.
  await page.getByTestId("linked-assets").getByRole("link", { name: assetName }).click();
  await expect(page.getByRole("heading", { name: assetName, level: 1 })).toBeVisible();
  const usedBy = page.getByTestId("used-by-ai-systems");
  await expect(usedBy.getByRole("link", { name: systemName })).toBeVisible();
  await expect(usedBy).toContainText("high risk");
  await usedBy.getByRole("link", { name: systemName }).click();
  await expect(page.getByRole("heading", { name: systemName, level: 1 })).toBeVisible();

  // The registry API reads the link back.
  const got = await request.get(`/api/v1/ai-systems/${system.id}`, { headers: { Authorization: `Bearer ${mlopsKey}` } });
  expect(((await got.json()) as { assetIds: string[] }).assetIds).toEqual([assetId]);
});
