// The frame every page shares: a skip link as the first Tab stop, a menu on a phone, and a
// theme that follows the system until the person picks one (kept across reloads).
import { expect, test } from "@playwright/test";
import { expectSignedIn, makeUser, signIn } from "./support/fixtures";

test("skip link first, then a phone menu that reaches the areas", async ({ page }) => {
  await signIn(page, makeUser("compliance_officer", "layout-officer"));
  await expectSignedIn(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // At tablet width the menu replaces the sidebar too, so content gets the full width.
  await page.setViewportSize({ width: 768, height: 1024 });
  await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main", exact: true })).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  const menu = page.getByRole("navigation", { name: "Main (menu)" });
  await menu.getByRole("link", { name: "Breaches" }).click();
  await expect(page).toHaveURL(/\/breaches$/);
  await expect(page.getByRole("heading", { name: "Breaches", level: 1 })).toBeVisible();
  await expect(menu).toBeHidden(); // closed on navigation
  // Nothing wider than the screen: tables scroll inside their own box.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});

test("the theme follows the system, and a chosen theme sticks across reloads", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await signIn(page, makeUser("reviewer", "layout-reviewer"));
  await expectSignedIn(page);
  const bodyBg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const darkBg = await bodyBg();
  await page.getByRole("radio", { name: "Light" }).first().check({ force: true });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  const lightBg = await bodyBg();
  expect(lightBg).not.toBe(darkBg);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await bodyBg()).toBe(lightBg);
  await page.getByRole("radio", { name: "System" }).first().check({ force: true });
  await page.reload();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /.+/);
  expect(await bodyBg()).toBe(darkBg);
  // Reviewers cannot change security settings, so the MFA-off banner is not theirs to see.
  await expect(page.getByText("MFA enforcement is off.")).toHaveCount(0);
});
