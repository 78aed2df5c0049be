import { expect, test } from "@playwright/test";
import { admin, expectSignedIn, makeUser, signIn } from "./support/fixtures";

test("a reviewer does not see Admin and is refused it by direct URL", async ({ page }) => {
  const email = makeUser("reviewer");
  await signIn(page, email);
  await expectSignedIn(page);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  await expect(page.getByText("admin@demo.local")).toHaveCount(0);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
});

test("an auditor reads Admin and the audit log but has no control to change anything", async ({ page }) => {
  const email = makeUser("auditor");
  await signIn(page, email);
  await expectSignedIn(page);
  await page.goto("/admin");
  await expect(page.getByTestId("user-row-admin@demo.local")).toBeVisible();
  await expect(page.getByRole("button", { name: /Create user|Set role|Disable|Create key|Revoke|Save/ })).toHaveCount(0);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "auth.signin", exact: true }).first()).toBeVisible();
});

test("an admin disables a user and that user's open session ends at once", async ({ browser }) => {
  const victim = makeUser("compliance_officer", "victim");
  const adminEmail = makeUser("admin", "boss");
  const victimCtx = await browser.newContext();
  const vp = await victimCtx.newPage();
  await signIn(vp, victim);
  await expectSignedIn(vp);

  const adminCtx = await browser.newContext();
  const ap = await adminCtx.newPage();
  await signIn(ap, adminEmail);
  await expectSignedIn(ap);
  await ap.goto("/admin");
  await ap.getByTestId(`user-row-${victim}`).getByRole("button", { name: "Disable" }).click();
  await expect(ap.getByText(`${victim} is disabled and signed out everywhere.`)).toBeVisible();

  await vp.goto("/");
  await expect(vp).toHaveURL(/\/login/);
  await signIn(vp, victim);
  await expect(vp.getByTestId("form-error")).toContainText("This account is disabled");
  await victimCtx.close();
  await adminCtx.close();
});

test("x-middleware-subrequest cannot skip authentication (CVE-2025-29927)", async ({ request }) => {
  const headers = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware", "x-middleware-subrequest-id": "1" };
  const page = await request.get("/admin", { headers, maxRedirects: 0 });
  expect([302, 303, 307, 308]).toContain(page.status());
  expect(page.headers()["location"]).toContain("/login");
  const api = await request.get("/api/v1/audit/events", { headers });
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe("UNAUTHENTICATED");
});

test("a state-changing request from a foreign origin is refused", async ({ request }) => {
  const res = await request.post("/api/auth/callback/credentials", {
    headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
    data: "email=admin%40demo.local&password=demo-password-2026",
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.message).toBe("Cross-origin request refused.");
});

test("machine API: health, OpenAPI, scoped keys, revocation", async ({ request }) => {
  const health = await request.get("/api/v1/health");
  expect(await health.json()).toEqual({ status: "ok", database: "sqlite" });
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.paths["/api/v1/audit/events"].get.security).toEqual([{ apiKey: ["audit:read"] }]);

  const out = admin("apikey:create", "--name", "e2e reader", "--scopes", "audit:read").trim().split("\n");
  const key = out[out.length - 1]!;
  expect(key).toMatch(/^ocd_/);
  const ok = await request.get("/api/v1/audit/events?limit=5", { headers: { authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).events.length).toBeGreaterThan(0);

  const wrongScope = admin("apikey:create", "--name", "e2e consent", "--scopes", "consent:read").trim().split("\n").pop()!;
  const denied = await request.get("/api/v1/audit/events", { headers: { authorization: `Bearer ${wrongScope}` } });
  expect(denied.status()).toBe(403);
  expect((await denied.json()).error.message).toContain("audit:read");

  const bad = await request.get("/api/v1/audit/events?limit=5000", { headers: { authorization: `Bearer ${key}` } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.details[0].path).toBe("limit");

  const id = out.find((l) => l.includes("(id "))!.match(/\(id (\S+)\)/)![1]!;
  admin("apikey:revoke", "--id", id);
  const revoked = await request.get("/api/v1/audit/events", { headers: { authorization: `Bearer ${key}` } });
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error.message).toBe("This API key has been revoked.");
});
