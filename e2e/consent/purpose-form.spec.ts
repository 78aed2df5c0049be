import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectSignedIn, makeUser, signIn } from "../support/fixtures";

test("a refused purpose key is explained in words and nothing typed is lost; the fixed purpose is created", async ({ page }) => {
  await signIn(page, makeUser("compliance_officer", "purpose-officer"));
  await expectSignedIn(page);
  await page.goto("/consent");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Create purpose" }) });
  await expect(form.getByLabel("Purpose key")).toHaveAttribute("title", /may use only lowercase letters, digits and _/);
  const title = `Marketing email ${randomBytes(3).toString("hex")}`;
  await form.getByLabel("Purpose key").fill("Marketing Email!");
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Lawful basis").selectOption({ label: "Legitimate interests (Art. 6(1)(f))" });
  await form.getByRole("checkbox", { name: /Sale or sharing/ }).check();
  await form.getByLabel("Notice text (version 1)").fill("We send offers by email.");
  await form.getByRole("button", { name: "Create purpose" }).click();

  await expect(form.getByRole("alert").first()).toHaveText('Purpose key "Marketing Email!" may use only lowercase letters, digits and _, start with a letter and be 2-64 characters long (e.g. marketing_email)');
  await expect(form.getByLabel("Purpose key")).toHaveValue("Marketing Email!");
  await expect(form.getByLabel("Title")).toHaveValue(title);
  await expect(form.getByLabel("Lawful basis")).toHaveValue("legitimate_interests");
  await expect(form.getByRole("checkbox", { name: /Sale or sharing/ })).toBeChecked();
  await expect(form.getByLabel("Notice text (version 1)")).toHaveValue("We send offers by email.");

  const key = `marketing_email_${randomBytes(3).toString("hex")}`;
  await form.getByLabel("Purpose key").fill(key);
  await form.getByRole("button", { name: "Create purpose" }).click();
  await expect(page.getByText(`Purpose ${key} created with notice version 1.`)).toBeVisible();
  await expect(page.getByTestId(`purpose-row-${key}`)).toContainText("Legitimate interests");
  await expect(form.getByLabel("Purpose key")).toHaveValue("");
});
