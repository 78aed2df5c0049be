import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { makeUser, signIn, expectSignedIn } from "../support/fixtures";

// The officer's journey: report an incident through the wizard, see every clock it starts,
// record the California consumer notice as sent (which starts the AG clock), export the PDF.
test("report an incident, track a notice, export the PDF report", async ({ page }) => {
  const email = makeUser("compliance_officer", "breach-officer");
  await signIn(page, email);
  await expectSignedIn(page);

  await page.goto("/breaches");
  await page.getByRole("link", { name: "Report an incident" }).click();
  await expect(page.getByRole("heading", { name: "Report an incident" })).toBeVisible();

  // Step 1: what happened. The org time zone is UTC (default); discovered 20 hours ago.
  const title = `Stolen backup tape ${Date.now()}`;
  const discovered = new Date(Date.now() - 20 * 3_600_000).toISOString().slice(0, 16);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Discovered / became aware").fill(discovered);
  await page.getByLabel("Data categories").fill("names, social security numbers");
  await page.getByRole("button", { name: "Next" }).click();

  // Step 2: who is affected.
  await page.getByLabel("Jurisdiction 1").fill("US-CA");
  await page.getByLabel("People affected 1").fill("501");
  await page.getByRole("button", { name: "Add a jurisdiction" }).click();
  await page.getByLabel("Jurisdiction 2").fill("DE");
  await page.getByLabel("People affected 2").fill("20");
  await page.getByRole("button", { name: "Next" }).click();

  // Step 3: the data is ours; not encrypted. Step 4: only the GDPR risk question applies.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("HIPAA four-factor assessment")).toHaveCount(0);
  await page.getByLabel("GDPR: risk to people's rights and freedoms").selectOption("risk");
  await page.getByRole("button", { name: "Next" }).click();

  // Step 5: the live preview names every notice before anything is saved.
  const preview = page.getByTestId("obligation-preview");
  await expect(preview).toContainText("GDPR · Supervisory authority (DE)");
  await expect(preview).toContainText("US-CA · Individuals");
  await expect(preview).toContainText("US-CA · Attorney General");
  await page.getByRole("button", { name: "Report incident" }).click();

  // The incident page: obligations with countdowns, the GDPR 72 hours first.
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const obligations = page.getByTestId("obligations");
  const gdpr = page.getByTestId("obligation-GDPR:supervisory_authority:DE");
  await expect(gdpr).toContainText("GDPR Art. 33(1)");
  await expect(gdpr.getByTestId("countdown")).toHaveText(/^in 2 d (3|4) h$/);
  await expect(obligations.locator("li").first()).toHaveAttribute("data-testid", "obligation-GDPR:supervisory_authority:DE");
  const ag = page.getByTestId("obligation-US-CA:attorney_general");
  await expect(ag).toContainText("runs from the notice it depends on");
  await expect(page.getByTestId("obligation-US-CA:individuals")).toContainText("Cal. Civ. Code 1798.82(a)");

  // Record the California consumer notice as sent: the AG copy now has a deadline.
  const ca = page.getByTestId("obligation-US-CA:individuals");
  await ca.getByText("Content checklist and tracking").click();
  await expect(ca).toContainText('Heading "What Happened"');
  await ca.getByLabel("Reference (optional)").fill("MAIL-RUN-1");
  await ca.getByRole("button", { name: "Record as sent" }).click();
  await expect(ca).toContainText("reference MAIL-RUN-1");
  await expect(ag).toContainText(/due \d{1,2} [A-Z][a-z]{2} \d{4}, 23:59 UTC/);
  await expect(ag.getByTestId("countdown")).toHaveText(/^in 1[45] d/);
  await expect(page.getByTestId("timeline")).toContainText("Notice sent: US-CA individuals, reference MAIL-RUN-1");

  // The list shows it with its nearest deadline.
  await page.getByRole("link", { name: "All incidents" }).click();
  const row = page.getByTestId("incident-list").locator("tr", { hasText: title });
  await expect(row.getByTestId("countdown")).toHaveText(/^in 2 d/);

  // Export the PDF report.
  await row.getByRole("link", { name: title }).click();
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Incident report (PDF)" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^INC-\d{4}-\d{4}-breach-report\.pdf$/);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(2000);

  // The California notice draft carries the statutory title.
  const caDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "California notice draft (PDF)" }).click();
  expect((await caDownload).suggestedFilename()).toContain("california-notice-of-data-breach");
});

test("an auditor sees incidents and exports them but cannot report one; a reviewer is refused", async ({ page }) => {
  const auditor = makeUser("auditor", "breach-auditor");
  await signIn(page, auditor);
  await expectSignedIn(page);
  await page.goto("/breaches");
  await expect(page.getByRole("heading", { name: "Breaches" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Report an incident" })).toHaveCount(0);
  // An export is a read: the link an auditor sees is one that works (it was hidden, yet
  // other exports answered by URL).
  await expect(page.getByRole("link", { name: "Register CSV" })).toBeVisible();
  const res = await page.request.get("/breaches/export/register.csv");
  expect(res.status()).toBe(200);
  // The obligations register (one row per obligation, streamed) is offered beside it.
  await expect(page.getByRole("link", { name: "Obligations CSV" })).toBeVisible();
  const obligations = await page.request.get("/breaches/export/obligations.csv");
  expect(obligations.status()).toBe(200);
  expect((await obligations.text()).split("\r\n")[0]).toBe("\uFEFFIncident,Incident title,Key,Regime,Recipient,Jurisdiction,Due,Due rule,Citation,Rule version,Status,Reason,Sent at,Reference,Sent by,Applies");
  await page.goto("/breaches/new");
  await expect(page.getByText("Not available to your role")).toBeVisible();

  await page.context().clearCookies();
  const reviewer = makeUser("reviewer", "breach-reviewer");
  await signIn(page, reviewer);
  await expectSignedIn(page);
  await page.goto("/breaches");
  await expect(page.getByText("Not available to your role")).toBeVisible();
});
