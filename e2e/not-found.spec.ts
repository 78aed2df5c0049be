// A record that does not exist is a real 404 (it answered 200 while a loading boundary
// streamed the page), and the not-found page's scripts run under the CSP (a prerendered
// page had no nonce, so the CSP blocked them).
import { expect, test } from "@playwright/test";
import { expectSignedIn, makeUser, signIn } from "./support/fixtures";

test("missing records answer 404 with a page whose scripts the CSP allows", async ({ page }) => {
  const blocked: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
  await signIn(page, makeUser("compliance_officer", "nf-officer"));
  await expectSignedIn(page);
  for (const path of ["/inventory/assets/does-not-exist", "/breaches/does-not-exist", "/oversight/decisions/does-not-exist", "/no/such/page"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  }
  await page.getByRole("link", { name: "Go to the overview" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(blocked).toEqual([]);
});
