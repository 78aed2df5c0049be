// Single sign-on through a real OpenID Provider on loopback (e2e/support/oidc-provider.mjs):
// the browser leaves for the IdP, signs in there and comes back with the role its group maps to.
import { expect, test, type Page } from "@playwright/test";
import { totpAt } from "../lib/crypto/totp";
import { admin, expectSignedIn, PASSWORD, signIn } from "./support/fixtures";

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

test.describe("with MFA required", () => {
  test.afterEach(() => {
    admin("setting:set", "--key", "security.mfaRequired", "--value", "false");
  });

  test("an officer whose IdP asserts no second factor is asked for our TOTP after SSO, and only then signed in", async ({ page }) => {
    const email = "sso-stepup@e2e.local";
    ensureUser(email, "compliance_officer");
    // Set up TOTP the usual way (the data folder is fresh for every run).
    await signIn(page, email);
    await expectSignedIn(page);
    await page.goto("/account");
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    await page.getByLabel("Code from the app").fill(totpAt(secret, Date.now()));
    await page.getByLabel("Your current password").fill(PASSWORD);
    await page.getByRole("button", { name: "Turn on MFA" }).click();
    await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
    await page.context().clearCookies();

    admin("setting:set", "--key", "security.mfaRequired", "--value", "true");
    await ssoSignIn(page, email);
    await expect(page).toHaveURL(/\/login\/step-up/);
    await expect(page.getByText(`Signed in as ${email} through single sign-on.`)).toBeVisible();
    // Pending: the app itself still sends the session back here.
    await page.goto("/inventory");
    await expect(page).toHaveURL(/\/login\/step-up/);
    await page.getByLabel("Authentication code").fill("000000");
    await page.getByRole("button", { name: "Verify and continue" }).click();
    await expect(page.getByText(/That code is wrong or was already used/)).toBeVisible();
    // The next time step's code (the enrolment used the current one).
    await page.getByLabel("Authentication code").fill(totpAt(secret, Date.now() + 30_000));
    await page.getByRole("button", { name: "Verify and continue" }).click();
    await expectSignedIn(page);
    await expect(page.getByText("Compliance officer · Account")).toBeVisible();
  });
});
