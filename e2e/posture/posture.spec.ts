import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { admin, expectSignedIn, makeUser, signIn } from "../support/fixtures";

async function overall(page: Page): Promise<number> {
  return Number((await page.getByTestId("score-overall").innerText()).replace(/[^0-9.]/g, ""));
}

test("the officer's dashboard shows a year of seeded history with a chart, a table alternative, a range selector and CSV", async ({ page }) => {
  await signIn(page, makeUser("compliance_officer"));
  await expectSignedIn(page);
  await expect(page.getByTestId("overview-posture-score")).toBeVisible();
  await page.getByRole("link", { name: "Open the posture dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Checklists & posture" })).toBeVisible();
  await expect(page.getByTestId("score-overall")).toHaveText(/\d+\.\d/);
  // recharts rendered lines in Chromium
  await expect(page.locator(".recharts-line").first()).toBeVisible();
  await expect(page.getByText("seeded", { exact: true }).first()).toBeVisible();
  await page.getByText("Show as a table").first().click();
  const table = page.getByRole("table", { name: "Posture over time" });
  await expect(table.getByRole("row")).toHaveCount(1 + 365);
  await expect(table.getByRole("row").nth(1)).toContainText("measured");
  await expect(table.getByRole("row").nth(2)).toContainText("seeded");
  await page.getByRole("navigation", { name: "Range" }).getByRole("link", { name: "30 days" }).click();
  await expect(page).toHaveURL(/range=30d/);
  await page.getByText("Show as a table").first().click();
  await expect(page.getByRole("table", { name: "Posture over time" }).getByRole("row")).toHaveCount(1 + 30);
  const csv = await page.request.get("/posture/export?chart=series&range=30d");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toContain("attachment");
  const lines = (await csv.text()).trim().split(/\r\n/);
  expect(lines[0]).toContain("day,overall,inventory,consent,breaches,oversight,security,source");
  expect(lines).toHaveLength(31);
  // Drill-down from the status table to the controls behind a number.
  await page.getByText("Show as a table").nth(1).click();
  await page.getByRole("table", { name: "Controls by status" }).getByRole("row", { name: /Security/ }).getByRole("link").nth(2).click();
  await expect(page).toHaveURL(/\/posture\/controls\?area=security&status=not_satisfied/);
  await expect(page.getByTestId("control-row-SEC-MFA")).toBeVisible();
});

test("an admin without MFA turns the MFA test red, and an override moves today's score after the next snapshot", async ({ page }) => {
  const lazyAdmin = makeUser("admin", "nomfa");
  await signIn(page, makeUser("compliance_officer"));
  await expectSignedIn(page);
  await page.goto("/posture");
  await page.getByRole("button", { name: "Run tests and take snapshot" }).click();
  await expect(page.getByText(/Tests run and today's snapshot taken/)).toBeVisible();
  const before = await overall(page);

  await page.goto("/posture/controls/SEC-MFA");
  await expect(page.getByTestId("control-status")).toContainText("Not satisfied");
  await expect(page.getByTestId("control-status")).toContainText("automated test");
  await expect(page.getByRole("table", { name: "Failing records" })).toContainText(lazyAdmin);

  // An override needs a reason.
  const override = page.getByRole("form", { name: "Override the automated result" });
  await override.getByLabel("Override status").selectOption("satisfied");
  await override.getByRole("button", { name: "Save override" }).click();
  await expect(override.getByText("an override needs a reason")).toBeVisible();
  await override.getByLabel("Reason").fill("SSO provider enforces MFA for these accounts");
  await override.getByRole("button", { name: "Save override" }).click();
  await expect(page.getByText(/Override saved/)).toBeVisible();
  await expect(page.getByTestId("control-status")).toContainText("manual override");

  await page.goto("/posture?range=30d");
  await page.getByRole("button", { name: "Run tests and take snapshot" }).click();
  await expect(page.getByText(/Tests run and today's snapshot taken/)).toBeVisible();
  await page.reload();
  const after = await overall(page);
  expect(after).toBeGreaterThan(before);
  await page.getByText("Show as a table").first().click();
  await expect(page.getByRole("table", { name: "Posture over time" }).getByRole("row").nth(1)).toContainText(String(after));

  // Clear it again so the test decides.
  await page.goto("/posture/controls/SEC-MFA");
  await override.getByLabel("Override status").selectOption("");
  await override.getByRole("button", { name: "Save override" }).click();
  await expect(page.getByText(/Override cleared/)).toBeVisible();
  await page.goto("/posture");
  await page.getByRole("button", { name: "Run tests and take snapshot" }).click();
  await expect(page.getByText(/Tests run and today's snapshot taken/)).toBeVisible();
  await page.reload();
  expect(await overall(page)).toBe(before);
});

test("the officer completes a checklist review with an evidence file and a link; the file downloads intact", async ({ page }) => {
  await signIn(page, makeUser("compliance_officer"));
  await expectSignedIn(page);
  await page.goto("/posture/checklists");
  await page.getByRole("link", { name: "GDPR", exact: true }).click();
  await page.getByTestId("checklist-row-GDPR-34").getByRole("link", { name: "Review" }).click();
  await expect(page.getByRole("heading", { name: /GDPR-34/ })).toBeVisible();
  const form = page.getByRole("form", { name: "Record a review" });

  // A file type outside the allowlist is refused with a clear message.
  await form.getByLabel("Status").selectOption("satisfied");
  await form.getByLabel("Evidence files").setInputFiles({ name: "page.html", mimeType: "text/html", buffer: Buffer.from("<script>alert(1)</script>") });
  await form.getByRole("button", { name: "Save review" }).click();
  await expect(page.getByText(/file type text\/html is not accepted/)).toBeVisible();
  // Saving is refused while a chosen file failed: nobody believes it is attached.
  await expect(form.getByText(/page.html could not be uploaded: remove it or choose another file/)).toBeVisible();

  const content = `Breach communication template approved ${Date.now()}\n`;
  const sha = createHash("sha256").update(content).digest("hex");
  await form.getByLabel("Status").selectOption("satisfied");
  await form.getByLabel("Comment").fill("Template reviewed with legal.");
  await form.getByLabel("Evidence files").setInputFiles({ name: "art34-template.txt", mimeType: "text/plain", buffer: Buffer.from(content) });
  await form.getByLabel("Evidence links").fill("https://intranet.example.org/breach-playbook");
  await form.getByRole("button", { name: "Save review" }).click();
  await expect(page.getByText(/Review saved with 1 file\. Next review due \d{1,2} [A-Z][a-z]{2} \d{4}/)).toBeVisible();

  const history = page.getByTestId("review-history");
  await expect(history).toContainText("Template reviewed with legal.");
  await expect(history).toContainText(sha.slice(0, 16));
  await expect(history.getByRole("link", { name: "https://intranet.example.org/breach-playbook" })).toBeVisible();
  await expect(page.getByTestId("control-status")).toContainText("Satisfied");

  const href = await history.getByRole("link", { name: "art34-template.txt" }).first().getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toContain("attachment");
  expect(createHash("sha256").update(await res.body()).digest("hex")).toBe(sha);

  await page.goto("/posture/checklists");
  await page.getByRole("link", { name: "GDPR", exact: true }).click();
  await expect(page.getByTestId("checklist-row-GDPR-34")).toContainText("Satisfied");
});

test("an auditor reads posture but cannot change it; a reviewer is refused", async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, makeUser("auditor"));
  await expectSignedIn(page);
  await page.goto("/posture");
  await expect(page.getByTestId("score-formula")).toContainText("score(area) = 100");
  await expect(page.getByRole("button", { name: "Run tests and take snapshot" })).toHaveCount(0);
  await page.goto("/posture/controls/GDPR-30");
  await expect(page.getByRole("form", { name: "Record a review" })).toHaveCount(0);
  await ctx.close();

  const ctx2 = await browser.newContext();
  const p2 = await ctx2.newPage();
  await signIn(p2, makeUser("reviewer"));
  await expectSignedIn(p2);
  await p2.goto("/posture");
  await expect(p2.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  const csv = await p2.request.get("/posture/export?chart=series");
  expect(csv.status()).toBe(403);
  await ctx2.close();
});

test("the API returns the snapshot series and the controls to a key with posture:read, and refuses a key without it", async ({ request }) => {
  const key = admin("apikey:create", "--name", `bi-${Date.now()}`, "--scopes", "posture:read").trim().split("\n").at(-1)!.trim();
  const other = admin("apikey:create", "--name", `audit-${Date.now()}`, "--scopes", "audit:read").trim().split("\n").at(-1)!.trim();
  const series = await request.get("/api/v1/posture?range=90d&area=security", { headers: { Authorization: `Bearer ${key}` } });
  expect(series.status()).toBe(200);
  const body = await series.json();
  expect(body.area).toBe("security");
  expect(body.points.length).toBe(90);
  expect(Object.keys(body.points[0]).sort()).toEqual(["day", "security", "seeded"]);
  const controls = await request.get("/api/v1/controls?status=failing", { headers: { Authorization: `Bearer ${key}` } });
  expect(controls.status()).toBe(200);
  expect((await controls.json()).controls.map((c: { id: string }) => c.id)).toContain("SEC-MFA");
  const bad = await request.get("/api/v1/posture?from=2026-02-01&to=2026-01-01", { headers: { Authorization: `Bearer ${key}` } });
  expect(bad.status()).toBe(422);
  const denied = await request.get("/api/v1/controls", { headers: { Authorization: `Bearer ${other}` } });
  expect(denied.status()).toBe(403);
});

test("an officer adds a custom control to the catalogue and a refused field keeps the other input", async ({ page }) => {
  await signIn(page, makeUser("compliance_officer"));
  await expectSignedIn(page);
  await page.goto("/posture/controls");
  const form = page.getByRole("form", { name: "Add a control" });
  const id = `ORG-E2E-${Date.now().toString(36).toUpperCase()}`;
  await form.getByLabel("Id").fill("bad id!");
  await form.getByLabel("Title").fill("Vendor contracts include breach clauses");
  await form.getByLabel("Area").selectOption("breaches");
  await form.getByLabel("Description").fill("Every processor contract obliges the vendor to tell us of a breach within 24 hours.");
  await form.getByLabel("Source / citation").fill("GDPR Art. 28(3)(f), Art. 33(2)");
  await form.getByLabel("How to check it").fill("Sample five processor contracts.");
  await form.getByRole("button", { name: "Add control" }).click();
  await expect(form.getByText(/use letters, digits/)).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveValue("Vendor contracts include breach clauses");
  await form.getByLabel("Id").fill(id);
  await form.getByRole("button", { name: "Add control" }).click();
  await expect(page.getByText(`Control ${id} added to the catalogue.`)).toBeVisible();
  await page.goto("/posture/controls?area=breaches&status=not_reviewed");
  await expect(page.getByTestId(`control-row-${id}`)).toContainText("Vendor contracts include breach clauses");
});

test("evidence of 1, 5 and 20 MB streams up with progress before the review is saved; a file over 25 MB is refused before sending and the typed review is kept", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, makeUser("compliance_officer"));
  await expectSignedIn(page);
  await page.goto("/posture/checklists");
  await page.getByRole("link", { name: "GDPR", exact: true }).click();
  await page.getByTestId("checklist-row-GDPR-33").getByRole("link", { name: "Review" }).click();
  const form = page.getByRole("form", { name: "Record a review" });
  await form.getByLabel("Status").selectOption("satisfied");
  await form.getByLabel("Comment").fill("Breach register exported for the audit.");
  const file = (name: string, mb: number) => ({ name, mimeType: "text/plain", buffer: Buffer.alloc(Math.round(mb * 1024 * 1024), "a") });
  // Over the per-file limit: refused in the browser, nothing sent, the comment stays.
  await form.getByLabel("Evidence files").setInputFiles([file("too-big.txt", 26)]);
  await expect(form.getByText(/too-big.txt is larger than 25 MB; nothing was sent/)).toBeVisible();
  await expect(form.getByLabel("Comment")).toHaveValue("Breach register exported for the audit.");
  // 1, 5 and 20 MB (a 1 MB server-action body once turned these into HTTP 500s).
  await form.getByLabel("Evidence files").setInputFiles([file("register-1mb.txt", 1), file("register-5mb.txt", 5), file("register-20mb.txt", 20)]);
  const uploads = form.getByTestId("evidence-uploads");
  await expect(uploads.getByText("uploaded")).toHaveCount(3, { timeout: 60_000 });
  await form.getByRole("button", { name: "Save review" }).click();
  await expect(page.getByText(/Review saved with 3 files\./)).toBeVisible();
  await expect(page.getByTestId("review-history")).toContainText("register-20mb.txt");
  await expect(form.getByTestId("evidence-uploads")).toHaveCount(0); // the uploader starts empty again
});
