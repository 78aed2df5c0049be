import { expect, test } from "@playwright/test";
import { admin, expectSignedIn, makeUser, signIn } from "./support/fixtures";

test.afterEach(() => {
  // The demo runs with enforcement off; put it back whatever happened.
  admin("setting:set", "--key", "security.mfaRequired", "--value", "false");
});

test("with MFA enforcement on, an officer without MFA can only reach their account page", async ({ page }) => {
  const boss = makeUser("admin", "enforcer");
  await signIn(page, boss);
  await expectSignedIn(page);
  await page.goto("/admin");
  await page.getByLabel("Require MFA for admins and compliance officers").check();
  await page.getByRole("button", { name: "Save MFA setting" }).click();
  // The admin who turned it on has no MFA either, so they are sent to enrol at once.
  await expect(page).toHaveURL(/\/account\?enrol=1/);
  await expect(page.getByText("Your role requires multi-factor authentication.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  const officer = makeUser("compliance_officer", "unenrolled");
  await signIn(page, officer);
  await expect(page).toHaveURL(/\/account\?enrol=1/);
  await expect(page.getByText("Your role requires multi-factor authentication.")).toBeVisible();
  await expect(page.getByText("MFA enforcement is off.")).toHaveCount(0);
  await page.goto("/inventory");
  await expect(page).toHaveURL(/\/account\?enrol=1/);
  // A reviewer is not affected.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, makeUser("reviewer"));
  await expectSignedIn(page);
  await page.goto("/oversight");
  await expect(page).toHaveURL(/\/oversight/);
});
