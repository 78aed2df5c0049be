import { describe, expect, it } from "vitest";
import { byUrgency, formatCountdown, planReconcile, planSummary, sentAtByKey, statusWhenSent, urgency, type StoredObligation } from "./reconcile";
import { run } from "./test-fixtures";

const CA = [{ jurisdiction: "US-CA", count: 600 }, { jurisdiction: "DE", count: 5 }];

function stored(o: ReturnType<typeof run>[number], extra: Partial<StoredObligation> = {}): StoredObligation {
  return { id: `id-${o.key}`, key: o.key, status: "open", sentAt: null, dueAt: o.dueAt, dueRule: o.dueRule, citation: o.citation, ruleVersion: o.ruleVersion, dependsOnKey: o.dependsOn ?? null, contentChecklist: o.contentChecklist, applies: true, ...extra };
}

describe("planReconcile: recomputation keeps what was acted on", () => {
  it("nothing changes when the facts did not", () => {
    const computed = run({ affected: CA });
    const plan = planReconcile(computed.map((o) => stored(o)), computed);
    expect(planSummary(plan)).toEqual({ added: [], removed: [], changed: {}, noLongerApplies: [], appliesAgain: [] });
  });

  it("GDPR Art. 33(1): an earlier discovery moves the open 72-hour deadline", () => {
    const before = run({ affected: CA });
    const after = run({ affected: CA, discoveredAt: "2026-03-01T10:00:00Z" });
    const plan = planReconcile(before.map((o) => stored(o)), after);
    expect(plan.update.find((u) => u.key === "GDPR:supervisory_authority:DE")?.changes.dueAt).toEqual({ from: "2026-03-05T10:00:00.000Z", to: "2026-03-04T10:00:00.000Z" });
  });

  it("Cal. Civ. Code 1798.82(a) encryption safe harbour: open California rows are removed, a sent one is kept and flagged", () => {
    const before = run({ affected: CA });
    const rows = before.map((o) => (o.key === "US-CA:individuals" ? stored(o, { status: "sent", sentAt: "2026-03-10T10:00:00Z" }) : stored(o)));
    const plan = planReconcile(rows, run({ affected: CA, encrypted: true }));
    const s = planSummary(plan);
    expect(s.removed).toEqual(["US-CA:attorney_general"]);
    expect(s.noLongerApplies).toEqual(["US-CA:individuals"]);
  });

  it("a sent or not-required row is frozen even when its computed deadline moves", () => {
    const before = run({ affected: CA });
    const rows = before.map((o) => (o.key === "GDPR:supervisory_authority:DE" ? stored(o, { status: "not_required" }) : stored(o)));
    const plan = planReconcile(rows, run({ affected: CA, discoveredAt: "2026-03-01T10:00:00Z" }));
    expect(plan.update.map((u) => u.key)).not.toContain("GDPR:supervisory_authority:DE");
  });

  it("a late-but-unsent row still follows the engine", () => {
    const before = run({ affected: CA });
    const rows = before.map((o) => (o.key === "GDPR:supervisory_authority:DE" ? stored(o, { status: "late" }) : stored(o)));
    const plan = planReconcile(rows, run({ affected: CA, discoveredAt: "2026-03-01T10:00:00Z" }));
    expect(plan.update.map((u) => u.key)).toContain("GDPR:supervisory_authority:DE");
  });

  it("Cal. Civ. Code 1798.82(f): sending the consumer notice gives the AG row its due instant", () => {
    const before = run({ affected: CA });
    const rows = before.map((o) => (o.key === "US-CA:individuals" ? stored(o, { status: "sent", sentAt: "2026-03-20T15:00:00Z" }) : stored(o)));
    const after = run({ affected: CA }, { sentAt: sentAtByKey(rows) });
    const plan = planReconcile(rows, after);
    expect(plan.update.find((u) => u.key === "US-CA:attorney_general")?.changes.dueAt).toEqual({ from: null, to: "2026-04-04T23:59:59.999Z" });
  });

  it("new facts add rows (HIPAA 164.404(b) when PHI is found)", () => {
    const before = run({ roles: [], affected: CA });
    const plan = planReconcile(before.map((o) => stored(o)), run({ roles: [], phi: true, affected: CA }));
    expect(plan.create.map((o) => o.key)).toEqual(expect.arrayContaining(["HIPAA:individuals", "HIPAA:media:US-CA", "HIPAA:hhs"]));
  });
});

describe("tracking helpers", () => {
  it.each([
    ["GDPR Art. 33(1) sent before the deadline -> sent", "2026-03-05T10:00:00.000Z", "2026-03-05T09:59:59Z", "sent"],
    ["GDPR Art. 33(1) sent at the deadline instant -> sent", "2026-03-05T10:00:00.000Z", "2026-03-05T10:00:00Z", "sent"],
    ["GDPR Art. 33(1) sent after the deadline -> late (reasons for the delay)", "2026-03-05T10:00:00.000Z", "2026-03-05T10:00:01Z", "late"],
    ["no fixed time -> sent", null, "2030-01-01T00:00:00Z", "sent"],
  ])("%s", (_name, dueAt, sentAt, expected) => {
    expect(statusWhenSent(dueAt, sentAt)).toBe(expected);
  });

  it("orders overdue first, then due soon, then undated, then handled", () => {
    const rows = [
      { key: "done", status: "sent", sentAt: "2026-03-01T00:00:00Z", dueAt: "2026-03-01T00:00:00Z" },
      { key: "undated", status: "open", sentAt: null, dueAt: null },
      { key: "later", status: "open", sentAt: null, dueAt: "2026-04-01T00:00:00Z" },
      { key: "overdue", status: "open", sentAt: null, dueAt: "2026-02-01T00:00:00Z" },
      { key: "late-unsent", status: "late", sentAt: null, dueAt: "2026-02-15T00:00:00Z" },
    ];
    expect([...rows].sort(byUrgency).map((r) => r.key)).toEqual(["overdue", "late-unsent", "later", "undated", "done"]);
  });

  it.each([
    ["2026-03-05T10:00:00Z", "2026-03-01T10:00:00Z", "in 4 d 0 h", "pending"],
    ["2026-03-05T10:00:00Z", "2026-03-02T10:00:00Z", "in 3 d 0 h", "due_soon"],
    ["2026-03-05T10:00:00Z", "2026-03-04T08:30:00Z", "in 1 d 1 h", "due_soon"],
    ["2026-03-05T10:00:00Z", "2026-03-05T09:15:00Z", "in 45 min", "due_soon"],
    ["2026-03-05T10:00:00Z", "2026-03-05T12:20:00Z", "overdue by 2 h 20 min", "overdue"],
  ])("due %s at %s: %s", (due, now, text, u) => {
    expect(formatCountdown(due, Date.parse(now))).toBe(text);
    expect(urgency({ status: "open", sentAt: null, dueAt: due }, Date.parse(now))).toBe(u);
  });
});
