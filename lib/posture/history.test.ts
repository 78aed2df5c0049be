import { describe, expect, it } from "vitest";
import { addDays, downsample, rangeStart, seededHistory, type SeriesPoint } from "./history";

const target = { overall: 72.5, inventory: 60, consent: 80, breaches: null, oversight: 55, security: 90 };

describe("seededHistory: the demo backfill", () => {
  const h = seededHistory("2026-11-27", target);
  it("covers 365 days ending the day before today, all marked seeded", () => {
    expect(h).toHaveLength(365);
    expect(h[0]!.day).toBe("2025-11-27");
    expect(h.at(-1)!.day).toBe("2026-11-26");
    expect(h.every((p) => p.seeded)).toBe(true);
  });
  it("is deterministic: the same inputs give the same history", () => {
    expect(seededHistory("2026-11-27", target)).toEqual(h);
  });
  it("keeps a line with no measured score null (no invented breaches score)", () => {
    expect(h.every((p) => p.breaches === null)).toBe(true);
  });
  it("improves: starts well below today's score and ends within 3 points of it", () => {
    for (const k of ["overall", "inventory", "consent", "oversight", "security"] as const) {
      expect(h[0]![k]!).toBeLessThan(target[k]! - 15);
      expect(Math.abs(h.at(-1)![k]! - target[k]!)).toBeLessThanOrEqual(3);
    }
  });
  it("stays within 0-100", () => {
    for (const p of h) for (const v of [p.overall, p.inventory, p.consent, p.oversight, p.security]) expect(v! >= 0 && v! <= 100).toBe(true);
  });
});

describe("downsample: never more than the maximum points per line", () => {
  const pts = (n: number): SeriesPoint[] =>
    Array.from({ length: n }, (_, i) => ({ day: addDays("2020-01-01", i), seeded: i < n / 2, overall: i % 2 ? 100 : 0, inventory: null, consent: 50, breaches: null, oversight: null, security: null }));
  it.each([
    [10, 1000, 10],
    [1000, 1000, 1000],
    [1001, 1000, 501],
    [2500, 1000, 834],
    [365, 100, 92],
  ])("%i points with max %i -> %i points", (n, max, expected) => {
    const out = downsample(pts(n), max);
    expect(out).toHaveLength(expected);
    expect(out.length).toBeLessThanOrEqual(max);
  });
  it("averages values, keeps nulls null and labels a bucket by its first day", () => {
    const out = downsample(pts(4), 2);
    expect(out).toEqual([
      { day: "2020-01-01", seeded: true, overall: 50, inventory: null, consent: 50, breaches: null, oversight: null, security: null },
      { day: "2020-01-03", seeded: false, overall: 50, inventory: null, consent: 50, breaches: null, oversight: null, security: null },
    ]);
  });
});

describe("rangeStart", () => {
  it.each([
    ["30d", "2026-10-29"],
    ["90d", "2026-08-30"],
    ["1y", "2025-11-28"],
    ["all", null],
  ] as const)("%s from 2026-11-27 starts at %s", (r, expected) => expect(rangeStart(r, "2026-11-27")).toBe(expected));
});
