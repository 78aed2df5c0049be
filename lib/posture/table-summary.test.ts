import { describe, expect, it } from "vitest";
import { addDays, fromWire, lastPerPeriod, tableStep, toWire } from "./history";

const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => ({ day: addDays(from, i) }));

describe("the posture table's summary", () => {
  it("is daily up to 90 points, weekly up to 400, monthly beyond", () => {
    expect([30, 90, 91, 365, 400, 401, 1000].map(tableStep)).toEqual(["day", "day", "week", "week", "week", "month", "month"]);
  });

  it("keeps every point when daily", () => {
    expect(lastPerPeriod(days("2026-01-01", 30), "day")).toHaveLength(30);
  });

  it("keeps the last day of each UTC week (Monday to Sunday), oldest first", () => {
    // 2026-11-30 is a Monday; the range runs Wednesday 2026-11-25 to Friday 2026-12-11.
    const rows = lastPerPeriod(days("2026-11-25", 17), "week").map((p) => p.day);
    expect(rows).toEqual(["2026-11-29", "2026-12-06", "2026-12-11"]);
  });

  it("keeps the last day of each month, and a year gives 53 weekly rows at most", () => {
    expect(lastPerPeriod(days("2026-01-30", 35), "month").map((p) => p.day)).toEqual(["2026-01-31", "2026-02-28", "2026-03-05"]);
    expect(lastPerPeriod(days("2025-12-05", 365), "week").length).toBeLessThanOrEqual(53);
  });
});

describe("the chart's wire format", () => {
  it("round-trips a series point, nulls and the seeded flag included", () => {
    const points = [
      { day: "2026-12-03", seeded: true, overall: 55.2, inventory: null, consent: 60, breaches: 70.5, oversight: 0, security: 99.9 },
      { day: "2026-12-04", seeded: false, overall: null, inventory: 1, consent: 2, breaches: 3, oversight: 4, security: 5 },
    ];
    const wire = toWire(points);
    expect(wire[0]).toEqual(["2026-12-03", 1, 55.2, null, 60, 70.5, 0, 99.9]);
    expect(fromWire(wire)).toEqual(points);
  });
});
