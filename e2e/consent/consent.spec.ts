import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { admin, expectSignedIn, makeUser, signIn } from "../support/fixtures";

function apiKey(scopes: string) {
  const out = admin("apikey:create", "--name", `consent-e2e-${randomBytes(3).toString("hex")}`, "--scopes", scopes).trim().split("\n");
  return out[out.length - 1]!.trim();
}
const uid = () => randomBytes(4).toString("hex");

test("a website records consent through the API: batches, a refused bad batch, idempotent replay, GPC", async ({ request }) => {
  const key = apiKey("consent:read,consent:write");
  const auth = { Authorization: `Bearer ${key}` };
  const email = `email_${uid()}`;
  const ads = `ads_${uid()}`;
  expect((await request.post("/api/v1/consent/purposes", { headers: auth, data: { key: email, title: "Newsletter", lawfulBasis: "consent", noticeText: "We send a newsletter." } })).status()).toBe(201);
  expect((await request.post("/api/v1/consent/purposes", { headers: auth, data: { key: ads, title: "Ad sharing", lawfulBasis: "consent", saleOrShare: true, noticeText: "We share with ad partners." } })).status()).toBe(201);
  expect((await request.post("/api/v1/consent/purposes", { headers: auth, data: { key: ads, title: "again", lawfulBasis: "consent" } })).status()).toBe(409);

  const subject = `api-${uid()}@example.org`;
  const bad = await request.post("/api/v1/consent/events", {
    headers: auth,
    data: { events: [{ subjectId: subject, purpose: email, action: "grant" }, { subjectId: subject, purpose: "nope", action: "grant" }, { subjectId: subject, purpose: email, action: "perhaps" }] },
  });
  expect(bad.status()).toBe(422);
  const badBody = await bad.json();
  expect(badBody.error.details.map((d: { index: number }) => d.index)).toEqual([1, 2]);
  const none = await (await request.get(`/api/v1/consent/subjects/${encodeURIComponent(subject)}`, { headers: auth })).json();
  expect(none.purposes.find((p: { purpose: string }) => p.purpose === email).status).toBe("none");

  const body = { events: [{ subjectId: subject, purpose: email, action: "grant" }, { subjectId: subject, purpose: ads, action: "grant" }] };
  const first = await request.post("/api/v1/consent/events", { headers: { ...auth, "Idempotency-Key": `batch-${subject}` }, data: body });
  expect(first.status()).toBe(201);
  const replay = await request.post("/api/v1/consent/events", { headers: { ...auth, "Idempotency-Key": `batch-${subject}` }, data: body });
  expect(replay.status()).toBe(201);
  expect(await replay.text()).toBe(await first.text());
  const conflict = await request.post("/api/v1/consent/events", { headers: { ...auth, "Idempotency-Key": `batch-${subject}` }, data: { events: [body.events[0]] } });
  expect(conflict.status()).toBe(409);

  const withdrawn = await request.post("/api/v1/consent/events", { headers: auth, data: { subjectId: subject, purpose: email, action: "withdraw" } });
  expect(withdrawn.status()).toBe(201);
  const gpc = await request.post("/api/v1/consent/events", { headers: { ...auth, "Sec-GPC": "1" }, data: { subjectId: subject, purpose: email, action: "grant", jurisdiction: "US-CA" } });
  // One opt-out per sale/sharing purpose in the app (the demo has one too), ours included.
  expect((await gpc.json()).gpcOptOuts).toBeGreaterThanOrEqual(1);
  const state = await (await request.get(`/api/v1/consent/subjects/${encodeURIComponent(subject)}`, { headers: auth })).json();
  expect(state.subjectId).toBe(subject);
  expect(state.purposes.find((p: { purpose: string }) => p.purpose === email)).toMatchObject({ status: "granted", noticeVersion: 1 });
  expect(state.purposes.find((p: { purpose: string }) => p.purpose === ads)).toMatchObject({ status: "opted_out", gpc: true });

  const readOnly = apiKey("consent:read");
  expect((await request.post("/api/v1/consent/events", { headers: { Authorization: `Bearer ${readOnly}` }, data: body.events[0] })).status()).toBe(403);
});

test("an officer finds a subject, sees GPC honoured and the history, reveals the identifier and exports the proof", async ({ page, request }) => {
  const key = apiKey("consent:write");
  const auth = { Authorization: `Bearer ${key}` };
  const purpose = `share_${uid()}`;
  await request.post("/api/v1/consent/purposes", { headers: auth, data: { key: purpose, title: "Partner sharing", lawfulBasis: "consent", saleOrShare: true, noticeText: "We share with partners." } });
  const subject = `officer-${uid()}@example.org`;
  await request.post("/api/v1/consent/events", { headers: auth, data: { subjectId: subject, purpose, action: "grant", occurredAt: "2026-03-01T09:00:00Z", source: "banner", jurisdiction: "US-CA" } });
  await request.post("/api/v1/consent/events", { headers: { ...auth, "Sec-GPC": "1" }, data: { subjectId: subject, purpose, action: "grant", occurredAt: "2026-03-02T09:00:00Z", jurisdiction: "US-CA" } });

  const officer = makeUser("compliance_officer", "consent-officer");
  await signIn(page, officer);
  await expectSignedIn(page);
  await page.goto("/consent");
  await expect(page.getByTestId(`purpose-row-${purpose}`)).toContainText("Sale / sharing");

  await page.getByLabel("Subject identifier").fill(`${subject}x`);
  await page.getByRole("button", { name: "Find subject" }).click();
  await expect(page.getByTestId("form-message")).toContainText("No consent events are recorded for this identifier");

  await page.getByLabel("Subject identifier").fill(subject);
  await page.getByRole("button", { name: "Find subject" }).click();
  await expect(page.getByRole("heading", { name: "Data subject" })).toBeVisible();
  const row = page.getByTestId(`state-${purpose}`);
  await expect(row).toContainText("Opted out");
  await expect(row).toContainText("GPC honoured");
  const history = page.getByTestId("history").getByRole("row").filter({ hasText: purpose });
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText("opt_out");
  await expect(history.nth(0)).toContainText("yes");
  await expect(history.nth(2)).toContainText("1 Mar 2026, 09:00 UTC");
  await expect(history.nth(2)).toContainText("banner");
  await expect(page.getByText(subject)).toHaveCount(0);

  await page.getByRole("button", { name: "Reveal identifier" }).click();
  await expect(page.getByTestId("subject-identifier")).toHaveText(subject);

  const pdfDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Consent receipt (PDF)" }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^consent-proof-.*\.pdf$/);
  expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe("%PDF-");

  const jsonDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Proof (JSON)" }).click();
  const proof = JSON.parse(readFileSync((await (await jsonDownload).path())!, "utf8"));
  expect(proof.subjectId).toBe(subject);
  expect(proof.events.filter((e: { purpose: string }) => e.purpose === purpose).map((e: { action: string }) => e.action)).toEqual(["opt_out", "grant", "grant"]);
  expect(proof.notices.find((n: { purpose: string }) => n.purpose === purpose).textSha256).toMatch(/^[0-9a-f]{64}$/);

  // The reveal and the export are in the audit log for the auditor to see.
  const auditor = makeUser("auditor", "consent-auditor");
  await page.context().clearCookies();
  await signIn(page, auditor);
  await expectSignedIn(page);
  await page.goto("/audit?action=consent.");
  await expect(page.getByRole("cell", { name: "consent.subject.reveal" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "consent.proof.export" }).first()).toBeVisible();
});

test("a reviewer is refused the consent area and its proof export", async ({ page }) => {
  const reviewer = makeUser("reviewer", "consent-reviewer");
  await signIn(page, reviewer);
  await expectSignedIn(page);
  await page.goto("/consent");
  await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  const res = await page.request.get("/consent/subjects/anything/proof?format=json");
  expect(res.status()).toBe(403);
});
