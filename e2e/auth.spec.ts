import { expect, test } from "@playwright/test";
import { totpAt } from "../lib/crypto/totp";
import { DEMO_PASSWORD, expectSignedIn, makeUser, PASSWORD, signIn } from "./support/fixtures";

test("demo admin signs in with a password and sees that MFA enforcement is off", async ({ page }) => {
  await signIn(page, "admin@demo.local", DEMO_PASSWORD);
  await expectSignedIn(page);
  await expect(page.getByText("MFA enforcement is off.")).toBeVisible();
  for (const area of ["Inventory", "Consent", "Breaches", "Oversight", "Checklists & posture", "Audit log", "Admin"]) {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: area, exact: true })).toBeVisible();
  }
});

test("a hostile callbackUrl cannot send the browser off-site after sign-in; a same-origin path is honoured", async ({ page, baseURL }) => {
  const email = makeUser("reviewer");
  for (const hostile of ["/\\evil.example/landing", "/\t/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example", "javascript:alert(1)"]) {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(hostile)}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expectSignedIn(page);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
  }
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/account")}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  const email = makeUser("reviewer");
  await signIn(page, email, "not-the-password-at-all");
  await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
});

test("TOTP: enrol, sign in with a code, a wrong code and a replayed code are refused", async ({ page, context }) => {
  const email = makeUser("compliance_officer", "mfa");
  await signIn(page, email);
  await expectSignedIn(page);
  await page.goto("/account");
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByAltText("QR code for your authenticator app")).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("Code from the app").fill(totpAt(secret, Date.now()));
  await page.getByLabel("Your current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Turn on MFA" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  const recovery = (await page.getByTestId("recovery-codes").locator("li").first().textContent())!;

  // Sign out, then back in: the code is now required.
  await page.goto("/");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email);
  await expect(page.getByLabel("Authentication code")).toBeVisible();

  // A wrong code is refused.
  const good = totpAt(secret, Date.now());
  const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, "0");
  await page.getByLabel("Authentication code").fill(wrong);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByTestId("form-error")).toContainText("wrong or was already used");

  // The enrolment consumed the current time step, so the first code that signs in is
  // the next one; wait for it rather than assume.
  const enrolStep = Math.floor(Date.now() / 30000);
  await page.waitForTimeout(Math.max(0, (enrolStep + 1) * 30000 - Date.now() + 500));
  const next = totpAt(secret, Date.now());
  await page.getByLabel("Authentication code").fill(next);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expectSignedIn(page);

  // Replay: the same code in a fresh browser context is refused.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await context.clearCookies();
  await signIn(page, email, undefined, next);
  await expect(page.getByTestId("form-error")).toContainText("wrong or was already used");

  // A recovery code works once.
  await page.getByLabel("Authentication code").fill(recovery);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expectSignedIn(page);
});

test("sign-out ends the session on the server: the old cookie no longer works", async ({ page, context }) => {
  const email = makeUser("auditor", "signout");
  await signIn(page, email);
  await expectSignedIn(page);
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Put the old session cookie back, as a thief who copied it would.
  await context.addCookies(cookies);
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/login/);
});
