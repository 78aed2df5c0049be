// Screenshots of the main pages, as the demo's compliance officer sees them, at desktop width, and a few
// in the dark theme and at phone width. CI writes them to test-results/screenshots (ignored);
// `SCREENSHOT_DIR=docs/screenshots npx playwright test e2e/screenshots.spec.ts` refreshes
// the few the README shows.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { expectSignedIn, makeUser, signIn } from "./support/fixtures";

const DIR = process.env.SCREENSHOT_DIR ?? "test-results/screenshots";
const PAGES = [
  { name: "overview", path: "/" },
  { name: "inventory", path: "/inventory" },
  { name: "breaches", path: "/breaches" },
  { name: "oversight", path: "/oversight" },
  { name: "posture", path: "/posture" },
  { name: "audit", path: "/audit" },
];
// Every page at desktop width; two of them dark and on a phone (enough to see both, and
// each shot costs CI time).
const VIEWS = [
  { suffix: "desktop", width: 1366, height: 860, scheme: "light" as const, pages: PAGES },
  { suffix: "dark", width: 1366, height: 860, scheme: "dark" as const, pages: PAGES.slice(0, 3) },
  { suffix: "phone", width: 390, height: 844, scheme: "light" as const, pages: PAGES.slice(0, 3) },
];

test("screenshots of the main pages", async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync(DIR, { recursive: true });
  await signIn(page, makeUser("admin", "screens"));
  await expectSignedIn(page);
  for (const v of VIEWS) {
    await page.setViewportSize({ width: v.width, height: v.height });
    await page.emulateMedia({ colorScheme: v.scheme });
    for (const p of v.pages) {
      const res = await page.goto(p.path);
      expect(res?.status(), p.path).toBeLessThan(400);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: join(DIR, `${p.name}-${v.suffix}.png`) });
    }
  }
  // The phone menu opens and reaches every area.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("navigation", { name: "Main (menu)" }).getByRole("link", { name: "Breaches" })).toBeVisible();
  await page.screenshot({ path: join(DIR, "menu-phone.png") });
});
