// Shared helpers for journeys: make data through the admin CLI (the same lib/server code
// the app uses) against the e2e server's database, and sign in through the real form.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { E2E_DATA_DIR } from "../../playwright.config";

export const DEMO_PASSWORD = "demo-password-2026";
export const PASSWORD = "e2e-password-long-enough";

export function admin(...args: string[]): string {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: E2E_DATA_DIR };
  delete env.DATABASE_URL; // the server's database is the one in its data folder
  return execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/admin.ts", ...args], { env: env as NodeJS.ProcessEnv, encoding: "utf8" });
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${randomBytes(4).toString("hex")}@e2e.local`;
}

/** Creates a user with the admin CLI and returns their email. */
export function makeUser(role: "admin" | "compliance_officer" | "reviewer" | "auditor", prefix: string = role) {
  const email = uniqueEmail(prefix);
  admin("user:create", "--email", email, "--role", role, "--password", PASSWORD, "--name", `${prefix} tester`);
  return email;
}

export async function signIn(page: Page, email: string, password = PASSWORD, code?: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (code) {
    await page.getByLabel("Authentication code").fill(code);
    await page.getByRole("button", { name: "Verify and sign in" }).click();
  }
}

export async function expectSignedIn(page: Page) {
  await expect(page.getByTestId("current-user")).toBeVisible();
}
