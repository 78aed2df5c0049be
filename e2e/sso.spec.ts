// Single sign-on through a real OpenID Provider on loopback (e2e/support/oidc-provider.mjs):
// the browser leaves for the IdP, signs in there and comes back with the role its group maps to.
import { expect, test, type Page } from "@playwright/test";
import { admin, expectSignedIn, PASSWORD } from "./support/fixtures";

// Existing accounts are linked by verified email (JIT is off, the default).
function ensureUser(email: string, role: string) {
  try {
    admin("user:create", "--email", email, "--role", role, "--password", PASSWORD, "--name", email.split("@")[0]!);
  } catch (e) {
    if (!String((e as { stderr?: string }).stderr ?? e).match(/already|exists|unique/i)) throw e;
  }
}

async function ssoSignIn(page: Page, account: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: "Sign in with Test IdP" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/interaction\//);
  await page.getByLabel("Account").fill(account);
  await page.getByRole("button", { name: "Continue" }).click();
}

test("the login page offers SSO next to the password form", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("link", { name: "Sign in with Test IdP" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
});

test("an officer signs in through the IdP and lands with the role mapped from their group, MFA from amr", async ({ page }) => {
  ensureUser("sso-officer@e2e.local", "auditor");
  await ssoSignIn(page, "sso-officer@e2e.local");
  await expectSignedIn(page);
  await expect(page).not.toHaveURL(/\/account\?enrol/);
  await expect(page.getByText("Compliance officer · Account")).toBeVisible();
});

test("a reviewer's group maps to reviewer", async ({ page }) => {
  ensureUser("sso-reviewer@e2e.local", "auditor");
  await ssoSignIn(page, "sso-reviewer@e2e.local");
  await expectSignedIn(page);
  await expect(page.getByText("Reviewer · Account")).toBeVisible();
});

test("a person in no mapped group is refused with a clear message", async ({ page }) => {
  ensureUser("sso-nogroup@e2e.local", "reviewer");
  await ssoSignIn(page, "sso-nogroup@e2e.local");
  await expect(page).toHaveURL(/\/login\?error=SSO_NO_ROLE/);
  await expect(page.getByTestId("sso-error")).toContainText("no group that has access");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
