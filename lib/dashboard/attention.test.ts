import { describe, expect, it } from "vitest";
import { byUrgency, deadlineTier, dueWording, TIER, type AttentionItem } from "./attention";

const NOW = new Date("2026-03-10T12:00:00Z");
const at = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

describe("dueWording", () => {
  it.each([
    [-6 * 24 - 3, "overdue by 6 days"],
    [-30, "overdue by 1 day"],
    [-2.5, "overdue by 2 h"],
    [-0.1, "overdue by 6 min"],
    [0, "overdue by 1 min"],
    [5.9, "due in 5 h"],
    [0.5, "due in 30 min"],
    [47, "due in 1 day"],
    [24 * 12 + 1, "due in 12 days"],
  ])("%s h from now: %s", (h, words) => {
    expect(dueWording(at(h), NOW)).toBe(words);
  });
});

describe("deadlineTier and byUrgency", () => {
  it("puts overdue before due within 24 h, and leaves later deadlines out", () => {
    expect(deadlineTier(at(-1), NOW)).toBe(TIER.overdue);
    expect(deadlineTier(at(23), NOW)).toBe(TIER.dueSoon);
    expect(deadlineTier(at(25), NOW)).toBeNull();
  });
  it("sorts by tier, then the oldest deadline, then weight", () => {
    const item = (key: string, tier: AttentionItem["tier"], dueH: number | null, weight = 0): AttentionItem => ({ key, kind: "obligation", tier, title: key, when: "", note: null, dueAt: dueH === null ? null : at(dueH).toISOString(), overdue: false, href: "/", weight });
    const list = [item("review", TIER.review, -500), item("soon", TIER.dueSoon, 5), item("alert-low", TIER.problem, null, 2), item("alert-high", TIER.problem, null, 4), item("late", TIER.overdue, -2), item("later", TIER.overdue, -144)];
    expect(list.sort(byUrgency).map((i) => i.key)).toEqual(["later", "late", "soon", "alert-high", "alert-low", "review"]);
  });
});
