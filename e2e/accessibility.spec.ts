// axe-core on every main page and form, as each role that uses it: a serious or critical
// violation fails the test and names the rule, the element and the page.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectSignedIn, makeUser, signIn } from "./support/fixtures";

const OFFICER_PAGES = [
  "/", "/inventory", "/inventory/assets", "/inventory/assets/new", "/inventory/activities", "/inventory/activities/new", "/inventory/import",
  "/consent", "/breaches", "/breaches/new", "/oversight", "/oversight/systems", "/posture", "/posture/controls", "/alerts", "/audit", "/account", "/help",
];
const ADMIN_PAGES = ["/admin", "/admin/webhooks"];

async function seriousViolations(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), `${path} answered`).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.length}x, e.g. ${v.nodes[0]?.target.join(" ")}: ${v.nodes[0]?.failureSummary?.split("\n")[1] ?? ""}`);
}

async function check(page: Page, paths: string[]) {
  const found: string[] = [];
  for (const p of paths) found.push(...(await seriousViolations(page, p)));
  expect(found, found.join("\n")).toEqual([]);
}

test.describe.configure({ timeout: 180_000 });

test("no serious accessibility violations on the officer's pages and forms", async ({ page }) => {
  await signIn(page, makeUser("compliance_officer", "a11y-officer"));
  await expectSignedIn(page);
  await check(page, OFFICER_PAGES);
});

test("no serious accessibility violations on the admin pages, in the dark theme too", async ({ page }) => {
  await signIn(page, makeUser("admin", "a11y-admin"));
  await expectSignedIn(page);
  await check(page, ADMIN_PAGES);
  await page.emulateMedia({ colorScheme: "dark" });
  await check(page, ["/", "/breaches", "/posture", "/help"]);
});

test("no serious accessibility violations on the sign-in page", async ({ page }) => {
  await check(page, ["/login"]);
});
