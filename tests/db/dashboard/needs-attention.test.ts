// The home page's "Needs attention" list (issue 16 item 4). The data lives in March 2019, a
// time no other test file uses, and the list is asked for "as of" then, so the deadlines of
// other rows in the shared test database are not in its window. Controls and alerts of other
// files may still appear (they have no deadline tier of their own), so assertions look at
// this file's items and their order only.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { needsAttention } from "@/lib/server/dashboard/needs-attention";
import { submitDecision } from "@/lib/server/oversight/submit-decision";
import { reviewDecision } from "@/lib/server/oversight/review-decision";
import { plainTransaction } from "@/lib/server/api/idempotency";
import { actorFor } from "@/lib/server/testing/factories";
import { decisionBody, makeSystem, systemKey } from "../oversight/helpers";

const uid = () => randomBytes(4).toString("hex");
const H = 3_600_000;
const NOW = new Date("2019-03-11T12:00:00Z");
const iso = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

let officer: Actor;
let overdueRef: string;
let soonRef: string;
let overdueIncident: string;
let decisionId: string;

beforeAll(async () => {
  officer = await actorFor("compliance_officer");
  // GDPR Art. 33(1): 72 h from awareness. Aware 9 days and 1 h ago: overdue by 6 days (and 1 h).
  const late = await createIncident(officer, { title: `Lost laptop ${uid()}`, discoveredAt: iso(-72 * H - 6 * 24 * H - H), riskLevel: "risk", affected: [{ jurisdiction: "DE", count: 40 }] });
  // Aware 67 h ago: due in 5 h.
  const soon = await createIncident(officer, { title: `Misdirected email ${uid()}`, discoveredAt: iso(-67 * H), riskLevel: "risk", affected: [{ jurisdiction: "DE", count: 3 }] });
  overdueRef = late.reference;
  soonRef = soon.reference;
  overdueIncident = late.id;
  // A decision needing two approvals with a 1 h SLA, submitted 3 h ago: past its SLA by 2 h.
  const { system } = await makeSystem({ rules: [{ when: {}, action: "review", approvals: 2, slaHours: 1, onTimeout: "escalate" }] });
  const d = await submitDecision(await systemKey(system.id), decisionBody(), plainTransaction, new Date(NOW.getTime() - 3 * H));
  decisionId = d.id;
});

const mine = (list: Awaited<ReturnType<typeof needsAttention>>["items"]) =>
  list.filter((i) => (i.kind === "obligation" && (i.title.startsWith(`${overdueRef}:`) || i.title.startsWith(`${soonRef}:`))) || i.href === `/oversight/decisions/${decisionId}`);

describe("needsAttention", () => {
  it("lists the overdue GDPR notice first, then the decision past its SLA, then the notice due within 24 h, in plain words", async () => {
    const r = await needsAttention(officer, { now: NOW });
    const items = mine(r.items);
    const gdpr = items.filter((i) => i.kind === "obligation" && i.title.includes("GDPR · Supervisory authority"));
    expect(gdpr).toHaveLength(2);
    const [first, second] = gdpr;
    expect(first).toMatchObject({ title: `${overdueRef}: GDPR · Supervisory authority (DE) notification`, when: "overdue by 6 days", overdue: true, href: `/breaches/${overdueIncident}` });
    expect(second).toMatchObject({ title: `${soonRef}: GDPR · Supervisory authority (DE) notification`, when: "due in 5 h", overdue: false });
    const decision = items.find((i) => i.kind === "decision")!;
    expect(decision).toMatchObject({ when: "review overdue by 2 h", overdue: true });
    // Most urgent first: both overdue items before the one still due, the oldest deadline first.
    expect(items.map((i) => i.key)).toEqual([first!.key, decision.key, second!.key]);
    // The whole list is sorted the same way: no item with a later tier precedes these.
    const idx = r.items.findIndex((i) => i.key === second!.key);
    expect(r.items.slice(0, idx).every((i) => i.tier <= second!.tier)).toBe(true);
  });

  it("shows a reviewer the decisions they can act on and no breach item (they cannot read breaches)", async () => {
    const reviewer = await actorFor("reviewer");
    const r = await needsAttention(reviewer, { now: NOW });
    expect(r.items.some((i) => i.kind === "obligation")).toBe(false);
    expect(r.items.some((i) => i.href.startsWith("/breaches"))).toBe(false);
    expect(r.items.some((i) => i.kind === "record_review" || i.kind === "control_test" || i.kind === "alert")).toBe(false);
    expect(r.items.find((i) => i.href === `/oversight/decisions/${decisionId}`)).toMatchObject({ kind: "decision", when: "review overdue by 2 h" });
    // Once this reviewer has approved, it waits for someone else: not theirs to act on, but
    // still on a second reviewer's list.
    await reviewDecision(reviewer, decisionId, { verdict: "approve", rationale: "Checked the income evidence." });
    const after = await needsAttention(reviewer, { now: NOW });
    expect(after.items.some((i) => i.href === `/oversight/decisions/${decisionId}`)).toBe(false);
    const second = await needsAttention(await actorFor("reviewer"), { now: NOW });
    expect(second.items.find((i) => i.href === `/oversight/decisions/${decisionId}`)?.note).toContain("1 of 2 approvals");
  });

  it("gives an auditor the breach items but does not call the decision theirs to review", async () => {
    const r = await needsAttention(await actorFor("auditor"), { now: NOW });
    expect(mine(r.items).filter((i) => i.kind === "obligation").length).toBeGreaterThanOrEqual(2);
    expect(r.items.find((i) => i.href === `/oversight/decisions/${decisionId}`)?.note ?? "").not.toContain("you can review");
  });

  it("lists at most `limit` items and counts the rest by kind, so each kind can link to its own list", async () => {
    const all = await needsAttention(officer, { now: NOW, limit: 1000 });
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.more).toEqual({});
    const two = await needsAttention(officer, { now: NOW, limit: 2 });
    expect(two.items).toEqual(all.items.slice(0, 2));
    expect(two.total).toBe(all.total);
    const rest: Record<string, number> = {};
    for (const i of all.items.slice(2)) rest[i.kind] = (rest[i.kind] ?? 0) + 1;
    expect(two.more).toEqual(rest);
    expect(Object.values(two.more).reduce((a, b) => a + b, 0)).toBe(all.total - 2);
  });

  it("names the next deadline after the window, and refuses the anonymous", async () => {
    // A day before the soon notice's window opens, the notice due in 5 h is the next deadline
    // or something earlier than it is.
    const early = new Date(NOW.getTime() - 48 * H);
    const r = await needsAttention(officer, { now: early });
    expect(r.nextDeadline).not.toBeNull();
    expect(Date.parse(r.nextDeadline!.dueAt)).toBeGreaterThan(early.getTime() + 24 * H);
    expect(Date.parse(r.nextDeadline!.dueAt)).toBeLessThanOrEqual(NOW.getTime() + 5 * H);
    expect(r.nextDeadline!.when).toMatch(/^due in /);
    await expect(needsAttention({ kind: "anonymous", ip: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
