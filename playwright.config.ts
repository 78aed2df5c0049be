import { defineConfig } from "@playwright/test";

// Runs against a real production build (`npm start` builds when sources changed) on its
// own port and data folder, in Debian's Chromium (no browser download: see
// docs/decisions/003-browser-tests.md).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? "data/e2e";
const baseURL = `http://localhost:${E2E_PORT}`;
// The test OpenID Provider (e2e/support/oidc-provider.mjs) for the SSO journey, on loopback.
export const OIDC_E2E_PORT = E2E_PORT + 1000;
const oidcIssuer = `http://127.0.0.1:${OIDC_E2E_PORT}`;
const oidcClient = { id: "oversight-e2e", secret: "oversight-e2e-secret" };
// The password-reset journey starts a loopback SMTP server on this port inside the test
// (e2e/password-reset.spec.ts). Until it listens, mail waits in the outbox and retries.
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? E2E_PORT + 1001);

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
  // In order: the OpenID Provider first, so the app can discover it; then the app. The
  // SSO env only adds a "Sign in with" link: the password form the other journeys use is unchanged.
  webServer: [
    {
      command: "node e2e/support/oidc-provider.mjs",
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "ignore",
      env: { OIDC_E2E_PORT: String(OIDC_E2E_PORT), OIDC_E2E_REDIRECT_URI: `${baseURL}/api/auth/callback/oidc`, OIDC_E2E_CLIENT_ID: oidcClient.id, OIDC_E2E_CLIENT_SECRET: oidcClient.secret },
    },
    {
      command: "node scripts/start.mjs",
      url: `${baseURL}/api/v1/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      // The oversight journey's callback receiver listens on loopback, which callbacks may
      // reach only when an operator allows it (docs/decisions/007).
      env: {
        PORT: String(E2E_PORT),
        DATA_DIR: E2E_DATA_DIR,
        NEXTAUTH_URL: baseURL,
        NODE_ENV: "production",
        CALLBACK_ALLOWED_HOSTS: "127.0.0.1",
        OIDC_ISSUER: oidcIssuer,
        OIDC_CLIENT_ID: oidcClient.id,
        OIDC_CLIENT_SECRET: oidcClient.secret,
        OIDC_NAME: "Test IdP",
        OIDC_ROLE_MAP: "e2e-admins=admin,e2e-privacy=compliance_officer,e2e-reviewers=reviewer",
        SMTP_URL: `smtp://mailer:mailer-pass@127.0.0.1:${E2E_SMTP_PORT}`,
        MAIL_FROM: "Compliance <noreply@e2e.test>",
        APP_URL: baseURL,
      },
    },
  ],
});
