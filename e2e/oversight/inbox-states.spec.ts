import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expectSignedIn, makeUser, signIn } from "../support/fixtures";
import { registerSystem } from "../support/oversight";

/** A proposed loan refusal needing two approvals, submitted by the system's key. */
async function proposedRefusal(request: APIRequestContext, systemKey: string) {
  const externalId = `APP-${randomBytes(3).toString("hex")}`;
  const res = await request.post("/api/v1/decisions", {
    headers: { Authorization: `Bearer ${systemKey}` },
    data: { externalId, modelVersion: "4.0.1", decisionType: "loan_refusal", proposedOutcome: "refuse", confidence: 0.71, impact: "high", summary: "Debt-to-income 61%, one missed payment." },
  });
  expect(res.status()).toBe(201);
  return { externalId, id: ((await res.json()) as { id: string }).id };
}

async function reviewerPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, makeUser("reviewer", "inbox-reviewer"));
  await expectSignedIn(page);
  return page;
}

test.describe("reviewer inbox states", () => {
  let system: { id: string; name: string };
  let systemKey = "";
  test.beforeAll(async ({ request }) => {
    ({ system, systemKey } = await registerSystem(request, [{ when: {}, action: "review", approvals: 2, slaHours: 8 }]));
  });

  test("after approving, the decision waits for others: no verdict form for me, the form for a second reviewer", async ({ browser, request }) => {
    const { externalId, id } = await proposedRefusal(request, systemKey);
    const first = await reviewerPage(browser);
    await first.goto(`/oversight/decisions/${id}`);
    // The verdicts say what they do to a proposed refusal.
    await expect(first.getByRole("radio", { name: /Confirm refusal/ })).toBeChecked();
    await expect(first.getByRole("radio", { name: /Overturn: approve instead/ })).toBeVisible();
    await first.getByLabel("Rationale").fill("Bureau data confirms the missed payment.");
    await first.getByRole("button", { name: /Submit verdict/ }).click();
    await expect(first.getByText(/Recorded\. 1 of 2 approvals so far/)).toBeVisible();

    await first.reload();
    await expect(first.getByTestId("waiting-for-others")).toContainText(/You approved on .+; needs 1 more approval\./);
    await expect(first.getByRole("button", { name: /Submit verdict/ })).toHaveCount(0);
    await first.goto(`/oversight/inbox?system=${system.id}`);
    await expect(first.getByTestId("inbox-waiting")).toContainText(externalId);
    await expect(first.getByTestId("inbox-waiting")).toContainText("needs 1 more approval");
    await expect(first.getByRole("link", { name: new RegExp(externalId) })).toHaveCount(1);

    const second = await reviewerPage(browser);
    await second.goto(`/oversight/inbox?system=${system.id}`);
    await expect(second.getByTestId("inbox-table")).toContainText(externalId);
    await second.getByTestId("inbox-table").getByRole("link", { name: new RegExp(externalId) }).click();
    await expect(second.getByRole("form", { name: "Review this decision" })).toBeVisible();
    await expect(second.getByTestId("waiting-for-others")).toHaveCount(0);
  });

  test("ending with no outcome asks for confirmation in the form; going back sends nothing", async ({ browser, request }) => {
    const { id } = await proposedRefusal(request, systemKey);
    const page = await reviewerPage(browser);
    await page.goto(`/oversight/decisions/${id}`);
    await page.getByRole("radio", { name: /Send back: no refusal, no outcome/ }).check();
    await page.getByLabel("Rationale").fill("The missed payment was a bank error.");
    await page.getByRole("button", { name: /Send back: no refusal, no outcome…/ }).click();
    const confirm = page.getByTestId("confirm-verdict");
    await expect(confirm).toContainText("no outcome (“none”)");
    await confirm.getByRole("button", { name: "Go back" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(page.getByTestId("final-outcome")).toHaveText("not decided yet");

    await page.getByRole("button", { name: /Send back: no refusal, no outcome…/ }).click();
    await page.getByTestId("confirm-verdict").getByRole("button", { name: "Yes, end it with no outcome" }).click();
    // The decision ended, so the page shows its closed state in place of the form.
    await expect(page.getByText("This decision is rejected. Nothing more can change.")).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("final-outcome")).toHaveText("none");
  });

  test("overturning asks for confirmation, pre-filled with the opposite outcome", async ({ browser, request }) => {
    const { id } = await proposedRefusal(request, systemKey);
    const page = await reviewerPage(browser);
    await page.goto(`/oversight/decisions/${id}`);
    await page.getByRole("radio", { name: /Overturn: approve instead/ }).check();
    await expect(page.getByLabel("Outcome instead")).toHaveValue("approve");
    await page.getByLabel("Rationale").fill("Income has since doubled; the refusal is wrong.");
    await page.getByRole("button", { name: /Overturn: approve instead…/ }).click();
    await page.getByTestId("confirm-verdict").getByRole("button", { name: "Yes, overturn it" }).click();
    await expect(page.getByText(/This decision is overridden with the outcome “approve”\. Nothing more can change\./)).toBeVisible();
  });

  test("asking for information records the question on the decision for everyone to see", async ({ browser, request }) => {
    const { id } = await proposedRefusal(request, systemKey);
    const page = await reviewerPage(browser);
    await page.goto(`/oversight/decisions/${id}`);
    await page.getByRole("radio", { name: /Ask for information/ }).check();
    await page.getByLabel("Your question").fill("Is the missed payment the one the customer disputes?");
    await page.getByRole("button", { name: /Submit verdict/ }).click();
    await expect(page.getByText(/Question recorded on the decision; the AI system's owner is notified/)).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("info-requests")).toContainText("Is the missed payment the one the customer disputes?");
    // A question is not a verdict: the form is still there for this reviewer.
    await expect(page.getByRole("form", { name: "Review this decision" })).toBeVisible();
    const api = await request.get(`/api/v1/decisions/${id}`, { headers: { Authorization: `Bearer ${systemKey}` } });
    expect((await api.json()).reviews).toEqual([expect.objectContaining({ verdict: "request_info", rationale: "Is the missed payment the one the customer disputes?" })]);
  });

  test("j and k move through the inbox and Enter opens the decision", async ({ browser, request }) => {
    await proposedRefusal(request, systemKey);
    await proposedRefusal(request, systemKey);
    const page = await reviewerPage(browser);
    await page.goto(`/oversight/inbox?system=${system.id}`);
    const links = page.getByTestId("inbox-table").locator("[data-keynav-item]");
    await expect(links.nth(1)).toBeVisible();
    await page.keyboard.press("j");
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press("j");
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press("k");
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/oversight\/decisions\//);
  });

  test("a refused escalation keeps its reason and words the refusal; a shortcut key typed into a field is text", async ({ browser, request }) => {
    const { id } = await proposedRefusal(request, systemKey);
    const page = await reviewerPage(browser);
    await page.goto(`/oversight/decisions/${id}`);
    await expect(page.getByRole("form", { name: "Review this decision" })).toHaveAttribute("data-keys", "ready");
    const reason = page.getByLabel("Reason for escalating");
    await reason.click();
    // "r" picks a verdict when typed outside a field; inside one it is a letter.
    await page.keyboard.type("r");
    await expect(reason).toHaveValue("r");
    await expect(page.getByRole("radio", { name: /Confirm refusal/ })).toBeChecked();
    await page.getByRole("button", { name: "Escalate" }).click();
    await expect(page.getByText('Reason for escalating "r" is required')).toBeVisible();
    await expect(reason).toHaveValue("r");
    await reason.fill("Needs a compliance officer's view.");
    await page.getByRole("button", { name: "Escalate" }).click();
    await expect(page.getByText("Escalated. You can no longer approve this decision.")).toBeVisible();
  });
});
