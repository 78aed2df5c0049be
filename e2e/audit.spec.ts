import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { expectSignedIn, makeUser, signIn } from "./support/fixtures";

test("an auditor sees the newest signed tree head, verifies the log, and checks an event's proof offline", async ({ page, request }) => {
  const email = makeUser("auditor", "verifier");
  await signIn(page, email);
  await expectSignedIn(page);
  await page.goto("/audit");
  // The running server's sealer signs heads within seconds of the sign-in's event.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("latest-head")).toContainText("tree size");
    await expect(page.getByTestId("sealed-counts")).toContainText("0 waiting");
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText("Demo set-up: the private key is in the data folder")).toBeVisible();
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Audit log intact");

  // An event's page offers its proof; the proof verifies with the published public key alone.
  await page.getByRole("row").filter({ hasText: "auth.signin" }).first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: /Audit event \d+/ })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download proof (JSON)" }).click();
  const dir = mkdtempSync(join(tmpdir(), "e2e-proof-"));
  const proofFile = join(dir, "proof.json");
  await (await download).saveAs(proofFile);
  const key = await (await request.get("/api/v1/audit/public-key")).json();
  writeFileSync(join(dir, "key.pem"), key.pem);
  const out = execFileSync(process.execPath, ["scripts/verify-audit-proof.mjs", "--public-key", join(dir, "key.pem"), proofFile], { encoding: "utf8" });
  expect(out).toMatch(/ok/);
});
