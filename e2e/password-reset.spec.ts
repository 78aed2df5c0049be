import { expect, test } from "@playwright/test";
import { E2E_SMTP_PORT } from "../playwright.config";
import { startSmtp, type Mailbox } from "../tests/support/smtp";
import { makeUser, PASSWORD, expectSignedIn, signIn } from "./support/fixtures";

let box: Mailbox;
test.beforeAll(async () => {
  box = await startSmtp({ port: E2E_SMTP_PORT });
});
test.afterAll(async () => {
  await box?.close();
});

test("forgot password: the emailed link sets a new password once, and the new password signs in", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const email = makeUser("reviewer", "reset");
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByTestId("form-message")).toContainText("If an account with that email exists");

  // The outbox job delivers within a couple of scheduler ticks.
  // A reviewer also receives other mail (decision notices from journeys running alongside), so the
  // reset mail is picked by its subject, not just by its recipient.
  const isResetMail = (m: Mailbox["messages"][number]) => m.subject === "Reset your password" && JSON.stringify(m.to).includes(email);
  await expect.poll(() => box.messages.some(isResetMail), { timeout: 60_000, intervals: [1000] }).toBe(true);
  const mail = box.messages.find(isResetMail)!;
  const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail.text ?? "")![0];
  expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
  expect(mail.html).toContain("reset-password?token=");

  await page.goto(link);
  const fresh = "a-new-e2e-password-2026";
  await page.getByLabel("New password").fill(fresh);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Your password is changed");

  // The link works once.
  await page.goto(link);
  await expect(page.getByTestId("reset-refused")).toContainText("already used");

  await signIn(page, email, fresh);
  await expectSignedIn(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toBeVisible();
});
