import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { admin, expectSignedIn, makeUser, signIn } from "../support/fixtures";

const lastLine = (out: string) => out.trim().split("\n").at(-1)!.trim();

test("an officer builds a two-rule escalation policy: a bad value is named in words, nothing typed is lost, the fix is saved", async ({ page, request }) => {
  const officer = makeUser("compliance_officer", "policy-officer");
  const mlopsKey = lastLine(admin("apikey:create", "--name", "mlops", "--scopes", "oversight:admin", "--user", officer));
  const created = await request.post("/api/v1/ai-systems", { headers: { Authorization: `Bearer ${mlopsKey}` }, data: { name: `Loan scorer ${randomBytes(3).toString("hex")}`, purpose: "Personal-loan decisions", riskTier: "high" } });
  expect(created.status()).toBe(201);
  const system = (await created.json()) as { id: string };

  await signIn(page, officer);
  await expectSignedIn(page);
  await page.goto(`/oversight/systems/${system.id}`);
  const summary = page.getByTestId("policy-summary");
  await expect(summary).toContainText("Every decision: require review by 1 person within 24 hours");

  await page.getByRole("button", { name: "Add rule" }).click();
  await page.getByRole("button", { name: "Add rule" }).click();
  const first = page.getByRole("group", { name: "Rule 1" });
  const second = page.getByRole("group", { name: "Rule 2" });
  await first.getByLabel("Decision type").fill("loan_refusal");
  await first.getByLabel("Amount above").fill("50000");
  await first.getByLabel("Approvals needed").fill("2");
  await first.getByLabel("SLA (hours)").fill("4");
  await first.getByLabel("On timeout").selectOption({ label: "Escalate" });
  await second.getByLabel("Confidence below").fill("1.5");
  await expect(summary).toContainText("1. If the decision type is loan_refusal and the amount is above 50,000: require review by 2 different people within 4 hours; if nobody decides in time, escalate to compliance officers.");
  await expect(summary).toContainText("2. If the model's confidence is below 1.5");

  // Reordering moves the whole row; moving it back restores the order.
  await page.getByRole("button", { name: "Move rule 2 up" }).click();
  await expect(page.getByRole("group", { name: "Rule 1" }).getByLabel("Confidence below")).toHaveValue("1.5");
  await page.getByRole("button", { name: "Move rule 1 down" }).click();
  await expect(first.getByLabel("Decision type")).toHaveValue("loan_refusal");

  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(second.getByRole("alert")).toHaveText("Rule 2: Confidence below 1.5 must be at most 1");
  await expect(page.getByTestId("form-message")).toHaveText("Check the highlighted fields.");
  await expect(page.getByTestId("policy-rule")).toHaveCount(2);
  await expect(first.getByLabel("Decision type")).toHaveValue("loan_refusal");
  await expect(first.getByLabel("Amount above")).toHaveValue("50000");
  await expect(first.getByLabel("On timeout")).toHaveValue("escalate");
  await expect(second.getByLabel("Confidence below")).toHaveValue("1.5");
  await expect(page.getByRole("group", { name: "Rule 1" })).not.toHaveAttribute("aria-invalid", "true");
  await expect(second).toHaveAttribute("aria-invalid", "true");

  await second.getByLabel("Confidence below").fill("0.7");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByTestId("toast")).toHaveText("Policy saved (revision 1).");

  await page.reload();
  await expect(page.getByTestId("policy-rule")).toHaveCount(2);
  await expect(first.getByLabel("Decision type")).toHaveValue("loan_refusal");
  await expect(first.getByLabel("Approvals needed")).toHaveValue("2");
  await expect(second.getByLabel("Confidence below")).toHaveValue("0.7");
  await expect(summary).toContainText("2. If the model's confidence is below 0.7: require review by 1 person within 24 hours");

  // The JSON tab shows the same rules; an edit there shows up in the rows.
  await page.getByRole("tab", { name: "JSON" }).click();
  const json = page.getByLabel("Rules as JSON");
  await expect(json).toHaveValue(/"confidenceBelow": 0.7/);
  await json.fill(((await json.inputValue()) as string).replace('"confidenceBelow": 0.7', '"confidenceBelow": 0.6'));
  await page.getByRole("tab", { name: "Rules" }).click();
  await expect(second.getByLabel("Confidence below")).toHaveValue("0.6");
});
