// Records lifecycle (docs/decisions/101): an officer archives an asset, it leaves the list
// and shows its archive banner; "Show archived" finds it; Restore brings it back. An auditor
// sees the banner but no Restore button.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectSignedIn, makeUser, signIn } from "../support/fixtures";

const tag = () => randomBytes(3).toString("hex");

async function as(page: Page, role: "compliance_officer" | "auditor", label: string) {
  const email = makeUser(role, label);
  await signIn(page, email);
  await expectSignedIn(page);
  return email;
}

test("an officer archives an asset, it leaves the list, and restoring it brings it back", async ({ page, browser }) => {
  const email = await as(page, "compliance_officer", "officer");
  const name = `Archivable store ${tag()}`;
  await page.goto("/inventory/assets/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create asset" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const detail = page.url().split("?")[0]!;

  await page.getByRole("button", { name: "Archive asset" }).click();
  await expect(page.getByTestId("archived-banner")).toContainText(`by ${email}`);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByTestId("history")).toContainText(`Archived by ${email}`);

  await page.goto(`/inventory/assets?q=${encodeURIComponent(name)}`);
  await expect(page.getByText("No assets match.")).toBeVisible();
  await page.getByLabel("Show archived").selectOption("archived");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId(`asset-row-${name}`)).toContainText("Archived");

  // An auditor reads the archived record but cannot restore it.
  const other = await browser.newPage();
  await as(other, "auditor", "auditor");
  await other.goto(detail);
  await expect(other.getByTestId("archived-banner")).toBeVisible();
  await expect(other.getByRole("button", { name: "Restore" })).toHaveCount(0);
  await other.close();

  await page.goto(detail);
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByTestId("archived-banner")).toHaveCount(0);
  await page.goto(`/inventory/assets?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId(`asset-row-${name}`)).toBeVisible();
});
