import { defineConfig } from "@playwright/test";

// Runs against a real production build (`npm start` builds when sources changed) on its
// own port and data folder, in Debian's Chromium (no browser download: see
// docs/decisions/003-browser-tests.md).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? "data/e2e";
const baseURL = `http://localhost:${E2E_PORT}`;
// The password-reset journey starts a loopback SMTP server on this port inside the test
// (e2e/password-reset.spec.ts). Until it listens, mail waits in the outbox and retries.
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? E2E_PORT + 1000);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  globalSetup: "./e2e/support/global-setup.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    command: "node scripts/start.mjs",
    url: `${baseURL}/api/v1/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    // The oversight journey's callback receiver listens on loopback, which callbacks may
    // reach only when an operator allows it (docs/decisions/007).
    env: { PORT: String(E2E_PORT), DATA_DIR: E2E_DATA_DIR, NEXTAUTH_URL: baseURL, NODE_ENV: "production", CALLBACK_ALLOWED_HOSTS: "127.0.0.1", SMTP_URL: `smtp://mailer:mailer-pass@127.0.0.1:${E2E_SMTP_PORT}`, MAIL_FROM: "Compliance <noreply@e2e.test>", APP_URL: baseURL },
  },
});
