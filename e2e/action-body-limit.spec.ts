// Server actions over the body limit (issue 13): the production server answers a clear 413
// naming the limit, never a 500, and the forms show it instead of an error page.
import { expect, test } from "@playwright/test";
import { expectSignedIn, makeUser, signIn } from "./support/fixtures";

const MB = 1024 * 1024;
const csv = (bytes: number) => "name,description\n" + `Payroll,${"x".repeat(200)}\n`.repeat(Math.ceil(bytes / 209));

test("a 3 MB server action POST gets 413 with the limit in words, before the action runs", async ({ request, baseURL }) => {
  const res = await request.post("/inventory/import", {
    headers: { "next-action": "0".repeat(42), origin: baseURL!, accept: "text/x-component" },
    multipart: { "1_kind": "assets", "1_csv": csv(3 * MB), "1_intent": "preview" },
  });
  expect(res.status()).toBe(413);
  expect(res.headers()["content-type"]).toBe("text/plain");
  expect(await res.text()).toMatch(/^This form sent 3\.\d MB; a form may send at most 2 MB\. Nothing was saved\./);
});

test("the import form says a 3 MB file is over its 1 MB cap, and a 3 MB notice text gets the 413's words, not an error page", async ({ page }) => {
  await signIn(page, makeUser("compliance_officer", "bodylimit"));
  await expectSignedIn(page);
  await page.goto("/inventory/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(csv(3 * MB)) });
  await expect(page.getByText(/The file is 3\.\d MB; an import takes at most 1 MB/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Preview" })).toBeDisabled();

  // A form of the one form pattern posts the server action itself (so it works without
  // JavaScript); the proxy's 413 text reaches the error page, which shows its words.
  await page.goto("/consent");
  await page.getByLabel("Purpose key").fill(`big_${Date.now()}`);
  await page.getByLabel("Title", { exact: true }).fill("Too large");
  await page.getByLabel("Notice text (version 1)").fill("n".repeat(3 * MB));
  await page.getByRole("button", { name: "Create purpose" }).click();
  await expect(page.getByText(/a form may send at most 2 MB\. Nothing was saved\./)).toBeVisible();
  await expect(page.getByText("This page could not be loaded")).toHaveCount(0);
});
