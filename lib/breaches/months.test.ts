import { describe, expect, it } from "vitest";
import { addMonths, endOfMonthsAfter } from "./months";

describe("month periods (Reg. 1182/71 Art. 3(2)(c))", () => {
  it.each([
    [{ year: 2026, month: 1, day: 31 }, 1, { year: 2026, month: 2, day: 28 }],
    [{ year: 2028, month: 1, day: 31 }, 1, { year: 2028, month: 2, day: 29 }],
    [{ year: 2026, month: 8, day: 31 }, 6, { year: 2027, month: 2, day: 28 }],
    [{ year: 2026, month: 3, day: 15 }, 6, { year: 2026, month: 9, day: 15 }],
    [{ year: 2026, month: 12, day: 10 }, 1, { year: 2027, month: 1, day: 10 }],
  ])("%j + %i months = %j", (from, n, to) => {
    expect(addMonths(from, n)).toEqual(to);
  });

  it("ends at the end of the local day in the zone", () => {
    expect(new Date(endOfMonthsAfter(Date.parse("2026-03-05T10:00:00Z"), 1, "Europe/Berlin")).toISOString()).toBe("2026-04-05T21:59:59.999Z");
  });
});
