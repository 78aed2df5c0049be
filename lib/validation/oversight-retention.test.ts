import { describe, expect, it } from "vitest";
import { addMonths } from "@/lib/breaches/months";
import { MIN_RETENTION_DAYS } from "./oversight";

describe("AI Act Art. 26(6) minimum retention: at least six calendar months", () => {
  it("covers six months from every start date (1 March 2026 -> 1 September 2026 is 184 days)", () => {
    let longest = 0;
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2030, 0, 1); ms += 86_400_000) {
      const d = new Date(ms);
      const to = addMonths({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }, 6);
      longest = Math.max(longest, Math.round((Date.UTC(to.year, to.month - 1, to.day) - ms) / 86_400_000));
    }
    expect(longest).toBe(184);
    expect(MIN_RETENTION_DAYS).toBeGreaterThanOrEqual(longest);
  });
});
