import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { expectSignedIn, makeUser, signIn } from "./support/fixtures";

let server: Server;
let url = "";
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
test.beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

test("an admin adds a webhook, sends a test event that arrives signed, sees it delivered in the log, and deletes it", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, makeUser("admin", "hooks"));
  await expectSignedIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await page.getByLabel("Endpoint URL").fill(url);
  await page.getByRole("checkbox", { name: "incident.created" }).check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secret = (await page.getByTestId("new-webhook-secret").textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);
  const row = page.locator("tr", { hasText: url });
  await row.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByText("Test event queued")).toBeVisible();
  // The delivery job runs every 10 s on the server.
  await expect.poll(() => received.length, { timeout: 40_000 }).toBeGreaterThan(0);
  const got = received[0]!;
  const ts = String(got.headers["x-oversight-timestamp"]);
  expect(got.headers["x-oversight-signature"]).toBe("v1=" + createHmac("sha256", secret).update(`${ts}.${got.body}`).digest("hex"));
  expect(got.headers["x-oversight-event"]).toBe("webhook.test");
  await row.getByRole("link", { name: "View log" }).click();
  await expect(page.getByRole("cell", { name: /webhook\.test/ })).toBeVisible();
  await expect(page.getByText("delivered", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("delivery-response").first()).toHaveText("Accepted (HTTP 200).");
  page.once("dialog", (d) => void d.accept());
  await page.locator("tr", { hasText: url }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("Endpoint removed")).toBeVisible();
});

test("a delivery nobody answers is explained in the log in words, not as the server's \"delivery failed\"", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, makeUser("admin", "hooks-down"));
  await expectSignedIn(page);
  await page.goto("/admin/webhooks");
  // Port 9 (discard) on loopback: nothing listens, the connection is refused.
  const down = `http://127.0.0.1:9/down-${Date.now().toString(36)}`;
  await page.getByLabel("Endpoint URL").fill(down);
  await page.getByRole("checkbox", { name: "incident.created" }).check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const row = page.locator("tr", { hasText: down });
  await row.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: "Test event queued" })).toBeVisible();
  await row.getByRole("link", { name: "View log" }).click();
  // The delivery job runs every 10 s on the server.
  const response = page.getByTestId("delivery-response").first();
  await expect(async () => {
    await page.reload();
    await expect(response).toContainText("No answer from your endpoint", { timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  await expect(response).toContainText("Check the URL and that the receiver is running. It is tried again");
  await expect(page.getByText("delivery failed", { exact: true })).toHaveCount(0);
});

test("a person creates a calendar feed URL, subscribes without a session, and revoking it gives 404", async ({ page, request }) => {
  await signIn(page, makeUser("compliance_officer", "cal"));
  await expectSignedIn(page);
  await page.goto("/account");
  await page.getByRole("button", { name: "Create subscription URL" }).click();
  const feed = (await page.getByTestId("calendar-url").textContent())!.trim();
  expect(feed).toMatch(/\/calendar\/cal_[A-Za-z0-9_-]+\.ics$/);
  const res = await request.get(feed, { headers: { cookie: "" } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/calendar");
  expect(await res.text()).toContain("BEGIN:VCALENDAR");
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("Calendar feed revoked")).toBeVisible();
  expect((await request.get(feed)).status()).toBe(404);
});
