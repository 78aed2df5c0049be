import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectSignedIn, signIn } from "../support/fixtures";

const CHARTS = [
  { testId: "chart-posture", title: "Posture over time", csvHeader: "day,overall,inventory,consent,breaches,oversight,security,source" },
  { testId: "chart-controls", title: "Controls by status", csvHeader: "area,satisfied,partial,not_satisfied,not_applicable,not_reviewed" },
  { testId: "chart-obligations", title: "Breach obligations by due date", csvHeader: "regime,overdue,next_24h,next_7d,next_30d,later,no_deadline" },
  { testId: "chart-decisions", title: "Decisions pending and SLA breaches", csvHeader: "day,pending at end of day,sent for review,sla breaches" },
  { testId: "chart-consent", title: "Consent trend", csvHeader: "day,grants,withdrawals,opt-outs" },
] as const;

async function expectChart(page: Page, c: (typeof CHARTS)[number]) {
  const panel = page.getByTestId(c.testId);
  await expect(panel.getByRole("heading", { name: c.title })).toBeVisible();
  // recharts drew an svg in Chromium
  await expect(panel.locator("svg.recharts-surface").first()).toBeVisible();
  // the table alternative holds data rows
  await panel.getByText("Show as a table").click();
  const table = panel.getByRole("table", { name: c.title });
  await expect(table).toBeVisible();
  expect(await table.getByRole("row").count()).toBeGreaterThan(1);
  // the CSV link works and carries the same columns
  const href = await panel.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status(), href!).toBe(200);
  expect(res.headers()["content-disposition"]).toContain("attachment");
  const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split(/\r\n/);
  expect(lines[0]).toBe(c.csvHeader);
  expect(lines.length).toBeGreaterThan(1);
}

test("the demo officer's home page shows every chart with its table alternative, CSV and drill-down", async ({ page }) => {
  await signIn(page, "officer@demo.local", DEMO_PASSWORD);
  await expectSignedIn(page);
  await expect(page.getByText("Dashboard", { exact: true })).toBeVisible();
  for (const c of CHARTS) await expectChart(page, c);

  // Range selectors re-aggregate on the server.
  await page.getByRole("navigation", { name: "Posture range" }).getByRole("link", { name: "30 days" }).click();
  await expect(page).toHaveURL(/range=30d/);
  await page.getByTestId("chart-posture").getByText("Show as a table").click();
  await expect(page.getByRole("table", { name: "Posture over time" }).getByRole("row")).toHaveCount(1 + 30);
  await page.getByRole("navigation", { name: "Consent range" }).getByRole("link", { name: "90 days" }).click();
  await expect(page).toHaveURL(/consent=90/);
  await page.getByTestId("chart-consent").getByText("Show as a table").click();
  await expect(page.getByRole("table", { name: "Consent trend" }).getByRole("row")).toHaveCount(1 + 90);
  expect(((await (await page.request.get("/dashboard/export?chart=consent&days=90")).text()).trim().split(/\r\n/))).toHaveLength(91);

  // Drill-down from a number behind the obligations chart to the incidents.
  // (its table is still open from the check above: that range did not change)
  const obligations = page.getByTestId("chart-obligations");
  await obligations.getByRole("table", { name: "Breach obligations by due date" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/breaches(\/|$)/);
});

test("a reviewer sees only the oversight chart, and cannot export the others", async ({ page }) => {
  await signIn(page, "reviewer@demo.local", DEMO_PASSWORD);
  await expectSignedIn(page);
  await expectChart(page, CHARTS[3]);
  for (const id of ["chart-posture", "chart-controls", "chart-obligations", "chart-consent"]) await expect(page.getByTestId(id)).toHaveCount(0);
  for (const chart of ["obligations", "consent"]) expect((await page.request.get(`/dashboard/export?chart=${chart}`)).status()).toBe(403);
  expect((await page.request.get("/posture/export?chart=status")).status()).toBe(403);
  // The decisions chart has its own range, in the table and the CSV.
  await page.getByRole("navigation", { name: "Decisions range" }).getByRole("link", { name: "90 days" }).click();
  await expect(page).toHaveURL(/decisions=90/);
  await page.getByTestId("chart-decisions").getByText("Show as a table").click();
  await expect(page.getByRole("table", { name: "Decisions pending and SLA breaches" }).getByRole("row")).toHaveCount(1 + 90);
  const csv = await page.request.get("/dashboard/export?chart=decisions&days=90");
  expect(csv.headers()["content-disposition"]).toContain("decisions-pending-and-sla-breaches-90d.csv");
  expect((await csv.text()).replace(/^\uFEFF/, "").trim().split(/\r\n/)).toHaveLength(91);
  expect((await page.request.get("/dashboard/export?chart=decisions&days=400")).status()).toBe(422);
  // Drill-down from the chart to the records: the reviewer inbox.
  await page.getByTestId("chart-decisions").getByRole("link", { name: "Open the reviewer inbox" }).click();
  await expect(page.getByRole("heading", { name: "Reviewer inbox" })).toBeVisible();
});
