import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Browser } from "@playwright/test";
import { expectSignedIn, makeUser, signIn } from "../support/fixtures";
import { registerSystem } from "../support/oversight";

async function reviewAs(browser: Browser, externalId: string, systemName: string, rationale: string, expected: RegExp) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, makeUser("reviewer", "ov-reviewer"));
  await expectSignedIn(page);
  await page.goto("/oversight/inbox");
  await page.getByLabel("AI system").selectOption({ label: systemName });
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("link", { name: new RegExp(externalId) }).click();
  await expect(page.getByTestId("decision-summary")).toContainText("Debt-to-income");
  await expect(page.getByTestId("model-version")).toHaveText("4.0.1");
  // Keys pressed before the shortcuts listen go nowhere (or, once they do, the "r" of the
  // rationale picks Send back): wait until the form says its keyboard handler is attached.
  await expect(page.getByRole("form", { name: "Review this decision" })).toHaveAttribute("data-keys", "ready");
  // Keyboard: "a" picks Approve and focuses the rationale; Ctrl+Enter submits.
  await page.keyboard.press("a");
  await expect(page.getByRole("radio", { name: /Confirm refusal/ })).toBeChecked();
  await expect(page.getByLabel("Rationale")).toBeFocused();
  await page.keyboard.type(rationale);
  await expect(page.getByLabel("Rationale")).toHaveValue(rationale);
  await page.keyboard.press("Control+Enter");
  await expect(page.getByText(expected)).toBeVisible();
  await ctx.close();
}

test.describe("human oversight", () => {
  let server: Server;
  let base = "";
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  test.beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test("two reviewers approve a loan refusal in the inbox; the system sees the outcome and gets a signed callback", async ({ browser, request }) => {
    const { system, systemKey } = await registerSystem(request, [{ when: { decisionType: "loan_refusal" }, action: "review", approvals: 2, slaHours: 4, onTimeout: "escalate" }]);
    const externalId = `APP-${randomBytes(3).toString("hex")}`;
    const headers = { Authorization: `Bearer ${systemKey}`, "Idempotency-Key": `submit-${externalId}` };
    const data = { externalId, modelVersion: "4.0.1", decisionType: "loan_refusal", proposedOutcome: "refuse", confidence: 0.77, impact: "high", amount: 30000, subjectRef: "customer-1234", summary: "Debt-to-income 58%, two missed payments.", inputs: { dti: 0.58 }, callbackUrl: `${base}/hook` };
    const first = await request.post("/api/v1/decisions", { headers, data });
    expect(first.status()).toBe(201);
    const submitted = (await first.json()) as { id: string; status: string; requiredApprovals: number; dueAt: string };
    expect(submitted).toMatchObject({ status: "pending_review", requiredApprovals: 2 });
    const replay = await request.post("/api/v1/decisions", { headers, data });
    expect(replay.status()).toBe(201);
    expect((await replay.json()).id).toBe(submitted.id);

    await reviewAs(browser, externalId, system.name, "Bureau data confirms the missed payments.", /Recorded\. 1 of 2 approvals so far/);
    await reviewAs(browser, externalId, system.name, "Income documents checked; refusal stands.", /This decision is approved with the outcome “refuse”/);

    const got = await request.get(`/api/v1/decisions/${submitted.id}`, { headers: { Authorization: `Bearer ${systemKey}` } });
    const view = await got.json();
    expect(view).toMatchObject({ id: submitted.id, status: "approved", finalOutcome: "refuse" });
    expect(view.reviews).toHaveLength(2);
    expect(new Set(view.reviews.map((r: { reviewer: string }) => r.reviewer)).size).toBe(2);

    // The callback arrives, signed over timestamp.body with the system's secret.
    await expect.poll(() => received.filter((r) => r.body.includes(submitted.id)).length, { timeout: 30_000 }).toBe(1);
    const cb = received.find((r) => r.body.includes(submitted.id))!;
    const ts = String(cb.headers["x-oversight-timestamp"]);
    expect(cb.headers["x-oversight-signature"]).toBe(`v1=${createHmac("sha256", system.callbackSecret).update(`${ts}.${cb.body}`).digest("hex")}`);
    expect(JSON.parse(cb.body).decision.status).toBe("approved");
  });

  test("another system's key cannot read the decision; an auditor sees it without review controls; an expired SLA never approves", async ({ browser, request }) => {
    const a = await registerSystem(request, [{ when: {}, action: "review", slaHours: 0.0005, onTimeout: "expire" }]);
    const b = await registerSystem(request, []);
    const externalId = `APP-${randomBytes(3).toString("hex")}`;
    const res = await request.post("/api/v1/decisions", { headers: { Authorization: `Bearer ${a.systemKey}` }, data: { externalId, modelVersion: "4.0.1", decisionType: "loan_refusal", proposedOutcome: "refuse", confidence: 0.9, summary: "Debt-to-income 70%." } });
    const { id } = (await res.json()) as { id: string };
    const foreign = await request.get(`/api/v1/decisions/${id}`, { headers: { Authorization: `Bearer ${b.systemKey}` } });
    expect(foreign.status()).toBe(404);
    const noScope = await request.post(`/api/v1/decisions/${id}/reviews`, { headers: { Authorization: `Bearer ${a.systemKey}` }, data: { verdict: "approve", rationale: "self-approval" } });
    expect(noScope.status()).toBe(403);

    await new Promise((r) => setTimeout(r, 2500));
    const expired = await (await request.get(`/api/v1/decisions/${id}`, { headers: { Authorization: `Bearer ${a.systemKey}` } })).json();
    expect(expired).toMatchObject({ status: "expired", finalOutcome: null });

    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, makeUser("auditor", "ov-auditor"));
    await expectSignedIn(page);
    await page.goto(`/oversight/decisions/${id}`);
    await expect(page.getByTestId("final-outcome")).toHaveText("none");
    await expect(page.getByTestId("decision-closed")).toHaveText("This decision is expired. Nothing more can change.");
    await expect(page.getByRole("button", { name: /Submit verdict|Reveal inputs|Escalate/ })).toHaveCount(0);
    await page.goto("/oversight");
    await expect(page.getByRole("heading", { name: "Decisions per day" })).toBeVisible();
    await ctx.close();
  });
});
