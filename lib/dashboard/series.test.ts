import { describe, expect, it } from "vitest";
import { dayWindows, dueBucket, trendDaysParam } from "./series";

const now = new Date("2026-05-10T12:00:00Z");
const h = (n: number) => new Date(now.getTime() + n * 3_600_000);

describe("dueBucket (issue 7 item 5: breach obligations by due date)", () => {
  it.each([
    [null, "no_deadline"],
    [h(-1), "overdue"],
    [h(0), "next_24h"],
    [h(24), "next_24h"],
    [h(25), "next_7d"],
    [h(24 * 7), "next_7d"],
    [h(24 * 7 + 1), "next_30d"],
    [h(24 * 30), "next_30d"],
    [h(24 * 30 + 1), "later"],
  ] as const)("%s -> %s", (due, bucket) => expect(dueBucket(due, now)).toBe(bucket));
});

describe("dayWindows", () => {
  it("covers the last n UTC days ending today, oldest first", () => {
    const w = dayWindows(3, now);
    expect(w.map((d) => d.day)).toEqual(["2026-05-08", "2026-05-09", "2026-05-10"]);
    expect(w[2]!.end.toISOString()).toBe("2026-05-11T00:00:00.000Z");
  });
});

describe("trendDaysParam", () => {
  it("takes 30 or 90 from a search parameter and falls back to 30 for anything else", () => {
    expect(trendDaysParam("90")).toBe(90);
    expect(trendDaysParam("30")).toBe(30);
    for (const v of [undefined, "", "45", "90.0x", "1e9", "-90"]) expect(trendDaysParam(v)).toBe(30);
  });
});
