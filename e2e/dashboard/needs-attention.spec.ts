import { expect, test, type APIRequestContext } from "@playwright/test";
import { admin, expectSignedIn, makeUser, signIn } from "../support/fixtures";

const tag = () => Math.random().toString(36).slice(2, 8);
const H = 3_600_000;

/** A GDPR incident in Germany reported through the API; awareness `hoursAgo` hours ago. */
async function gdprIncident(request: APIRequestContext, key: string, title: string, hoursAgo: number) {
  const res = await request.post("/api/v1/incidents", {
    headers: { authorization: `Bearer ${key}` },
    data: { title, discoveredAt: new Date(Date.now() - hoursAgo * H).toISOString(), riskLevel: "risk", affected: [{ jurisdiction: "DE", count: 25 }] },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; reference: string };
}

test("the home page says which breach notices are overdue and which fall due today, most urgent first", async ({ page, request }) => {
  const key = admin("apikey:create", "--name", `e2e-attention-${tag()}`, "--scopes", "incidents:write").trim().split("\n").pop()!;
  // GDPR Art. 33(1): 72 h. Aware 9 days and 2 h ago: overdue by 6 days. Aware 66.5 h ago: due in 5 h.
  const late = await gdprIncident(request, key, `Stolen backup tape ${tag()}`, 72 + 6 * 24 + 2);
  const soon = await gdprIncident(request, key, `Misdirected payroll email ${tag()}`, 66.5);

  await signIn(page, makeUser("compliance_officer", "attention-officer"));
  await expectSignedIn(page);
  const list = page.getByTestId("needs-attention");
  await expect(list.getByRole("heading", { name: "Needs attention" })).toBeVisible();
  const lateItem = list.getByRole("listitem").filter({ hasText: late.reference });
  const soonItem = list.getByRole("listitem").filter({ hasText: soon.reference });
  await expect(lateItem).toContainText("overdue by 6 days");
  await expect(lateItem).toContainText("GDPR · Supervisory authority (DE)");
  await expect(soonItem).toContainText("due in 5 h");
  // Overdue first.
  const texts = await list.getByRole("listitem").allInnerTexts();
  expect(texts.findIndex((t) => t.includes(late.reference))).toBeLessThan(texts.findIndex((t) => t.includes(soon.reference)));
  // Each item is a link to its record.
  await lateItem.getByRole("link", { name: new RegExp(late.reference) }).click();
  await expect(page).toHaveURL(new RegExp(`/breaches/${late.id}$`));
});

test("a reviewer's list has no breach items (they cannot read breaches)", async ({ page }) => {
  await signIn(page, makeUser("reviewer", "attention-reviewer"));
  await expectSignedIn(page);
  const list = page.getByTestId("needs-attention");
  await expect(list.getByRole("heading", { name: "Needs attention" })).toBeVisible();
  await expect(list.locator('[data-kind="obligation"]')).toHaveCount(0);
  await expect(list.locator('a[href^="/breaches"]')).toHaveCount(0);
  // Either decisions to review or the empty state naming what comes next.
  const items = await list.locator("li").count();
  if (items === 0) await expect(page.getByTestId("needs-attention-empty")).toContainText("Nothing needs attention.");
});
