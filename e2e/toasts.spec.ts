// Confirmations after a successful action (docs/decisions/016-toasts.md): a toast in one
// polite live region, dismissible, across a redirect, without motion when asked; and the
// inline confirmation when JS is off. A refusal stays next to the form, values kept.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectSignedIn, makeUser, signIn } from "./support/fixtures";

const tag = () => randomBytes(3).toString("hex");

async function officer(page: Page) {
  await signIn(page, makeUser("compliance_officer", "toaster"));
  await expectSignedIn(page);
}

/** Creates an asset through its form and waits for its page (the redirect that carries the toast). */
async function createAsset(page: Page, name: string) {
  await page.goto("/inventory/assets/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create asset" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

test("saving an asset redirects to it with a toast that can be dismissed; the inline line is not doubled", async ({ page }) => {
  await officer(page);
  const name = `Toast asset ${tag()}`;
  await createAsset(page, name);
  const region = page.getByRole("status", { name: "Notifications" });
  await expect(region.getByTestId("toast")).toHaveText("Asset saved.");
  await expect(region).toHaveAttribute("aria-live", "polite");
  // Shown once: by the toast, not also by the page's inline notice.
  await expect(page.getByText("Asset saved.")).toHaveCount(1);
  await expect(page.getByText("Saved.", { exact: true })).toHaveCount(0);
  // The cookie that carried it is gone: a reload shows no toast.
  await region.getByRole("button", { name: "Dismiss notification" }).click();
  await expect(region.getByTestId("toast")).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("toast")).toHaveCount(0);
});

test("a refused form keeps every value, words the error next to the field and focuses it; no toast", async ({ page }) => {
  await officer(page);
  await page.goto("/inventory/assets/new");
  await page.getByLabel("Name", { exact: true }).fill("Typo asset");
  await page.getByLabel("Locations").fill("DE, XX");
  await page.getByLabel("Health data").check();
  await page.getByLabel("MFA enforced").check();
  await page.getByLabel("Retention period (months)").fill("84");
  await page.getByRole("button", { name: "Create asset" }).click();
  const locations = page.getByLabel("Locations");
  await expect(page.getByRole("alert").filter({ hasText: "Locations, item 2" })).toHaveText('Locations, item 2 "XX" is not a two-letter country code (ISO 3166-1 alpha-2, e.g. DE, US)');
  await expect(locations).toBeFocused();
  await expect(locations).toHaveValue("DE, XX");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Typo asset");
  await expect(page.getByLabel("Health data")).toBeChecked();
  await expect(page.getByLabel("MFA enforced")).toBeChecked();
  await expect(page.getByLabel("Retention period (months)")).toHaveValue("84");
  await expect(page.getByTestId("toast")).toHaveCount(0);
});

test("a toast that stays on the page (review recorded) slides in only without reduced motion", async ({ page }) => {
  await officer(page);
  await page.emulateMedia({ reducedMotion: "reduce" });
  const name = `Motion asset ${tag()}`;
  await createAsset(page, name);
  await page.getByLabel("Review comment").fill("Checked.");
  await page.getByRole("button", { name: "Mark reviewed" }).click();
  const toast = page.getByTestId("toast").filter({ hasText: /^Marked reviewed\. Next review due \d{1,2} [A-Z][a-z]{2} \d{4}\.$/ });
  await expect(toast).toBeVisible();
  const animation = await toast.evaluate((el) => getComputedStyle(el.parentElement!).animationName);
  expect(animation).toBe("none");
});

test("without JavaScript the save still works and the page confirms it inline", async ({ browser, page }) => {
  await officer(page);
  const ctx = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await ctx.newPage();
  const name = `No-JS asset ${tag()}`;
  await createAsset(plain, name);
  await expect(plain.getByText("Saved.", { exact: true })).toBeVisible();
  await ctx.close();
});

test("a redirect back to the same address still shows its toast (a second endpoint removed from ?removed=1)", async ({ page }) => {
  await signIn(page, makeUser("admin", "toaster"));
  await expectSignedIn(page);
  await page.goto("/admin/webhooks");
  const urls = [`http://127.0.0.1:9/same-${tag()}`, `http://127.0.0.1:9/same-${tag()}`];
  for (const url of urls) {
    await page.getByLabel("Endpoint URL").fill(url);
    await page.getByRole("checkbox", { name: "incident.created" }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.locator("tr", { hasText: url })).toBeVisible();
  }
  const region = page.getByRole("status", { name: "Notifications" });
  page.on("dialog", (d) => void d.accept());
  for (const url of urls) {
    // Each removal lands on /admin/webhooks?removed=1; the second one on the very address it left.
    await region.getByRole("button", { name: "Dismiss notification" }).evaluateAll((bs) => bs.forEach((b) => (b as HTMLButtonElement).click()));
    await expect(region.getByTestId("toast")).toHaveCount(0);
    await page.locator("tr", { hasText: url }).getByRole("button", { name: "Delete" }).click();
    await expect(page.locator("tr", { hasText: url })).toHaveCount(0);
    await expect(page).toHaveURL(/\/admin\/webhooks\?removed=1$/);
    await expect(region.getByTestId("toast")).toHaveText(/^Endpoint removed/);
  }
});

test("a one-button form whose button goes away (a revoked key) still confirms with a toast that says what next", async ({ page }) => {
  await signIn(page, makeUser("admin", "toaster"));
  await expectSignedIn(page);
  await page.goto("/admin");
  const name = `Toast key ${tag()}`;
  const create = page.getByRole("button", { name: "Create key" });
  await create.locator("xpath=ancestor::form").getByLabel("Name", { exact: true }).fill(name);
  await create.locator("xpath=ancestor::form").getByRole("checkbox", { name: "audit:read" }).check();
  await create.click();
  await expect(page.getByTestId("new-api-key")).toBeVisible();
  const row = page.locator("tr", { hasText: name });
  await row.getByRole("button", { name: "Revoke" }).click();
  // The button is replaced by a "revoked" badge: the confirmation arrives as a flash.
  await expect(row.getByText("revoked", { exact: true })).toBeVisible();
  await expect(page.getByTestId("toast").filter({ hasText: /^Key revoked: requests made with it are refused from now on\. Create a new key/ })).toBeVisible();
});

test("archive and restore are one-button forms of the pattern: each says what happened in a toast", async ({ page }) => {
  await officer(page);
  const asset = `Archive toast ${tag()}`;
  await createAsset(page, asset);
  await page.getByRole("button", { name: "Archive asset" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: /^Archived: .*Restore brings it back\.$/ })).toBeVisible();
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: /^Restored: / })).toBeVisible();
});
