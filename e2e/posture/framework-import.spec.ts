import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectSignedIn, makeUser, signIn } from "../support/fixtures";

// Admin → Import a framework with a catalog someone else wrote (GSA's FedRAMP rev5 LI-SaaS
// baseline, OSCAL 1.1.1, group IA), then its OSCAL 1.1.3 export; and a broken copy refused
// with the JSON path of the problem under the file field (decision 523).
const FIXTURE = "tests/fixtures/oscal/FedRAMP_rev5_LI-SaaS-baseline-resolved-profile_catalog.ia.json";

test("an officer imports FedRAMP's OSCAL catalog, exports it as OSCAL 1.1.3, and a broken copy is refused with its path", async ({ page }) => {
  await signIn(page, makeUser("compliance_officer"));
  await expectSignedIn(page);
  await page.goto("/admin/frameworks");
  const form = page.getByRole("form", { name: "Import a framework" });
  const id = `fedramp-e2e-${Date.now().toString(36)}`;

  await form.locator('input[type="file"]').setInputFiles(FIXTURE);
  await form.getByLabel("Framework id (optional)").fill(id);
  await form.getByRole("button", { name: "Import" }).click();
  // A success is confirmed by a toast (decision 016), a refusal inline under the field.
  await expect(page.getByRole("status", { name: "Notifications" }).getByText(`Imported ${id}: 17 requirements (17 new).`)).toBeVisible();

  const exported = await page.request.get(`/posture/frameworks/${id}/oscal`);
  expect(exported.status()).toBe(200);
  const doc = (await exported.json()) as { catalog: { metadata: { "oscal-version": string }; groups: { id: string; controls: { id: string }[] }[] } };
  expect(doc.catalog.metadata["oscal-version"]).toBe("1.1.3");
  expect(doc.catalog.groups.map((g) => g.id)).toEqual(["ia"]);
  expect(doc.catalog.groups[0]!.controls.map((c) => c.id)).toEqual(["ia-1", "ia-2", "ia-4", "ia-5", "ia-6", "ia-7", "ia-8", "ia-11"]);

  const broken = JSON.parse(readFileSync(FIXTURE, "utf8")) as { catalog: { groups: { controls: { id: string }[] }[] } };
  broken.catalog.groups[0]!.controls[2]!.id = "ia 4";
  await form.locator('input[type="file"]').setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
  await form.getByLabel("Framework id (optional)").fill(`${id}-broken`);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByText('catalog.groups[0].controls[2].id: "ia 4" is not a token', { exact: false }).first()).toBeVisible();
  expect((await page.request.get(`/posture/frameworks/${id}-broken/oscal`)).status()).toBe(404);
});
