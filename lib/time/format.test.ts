import { describe, expect, it } from "vitest";
import { formatInZone, utcStamp } from "./format";

describe("one date format", () => {
  const at = "2026-12-03T13:05:00.000Z";
  it("writes the organisation's local time with its zone", () => {
    expect(formatInZone(at, "Europe/Berlin")).toBe("3 Dec 2026, 14:05 CET");
    expect(formatInZone(at, "America/New_York", "date")).toBe("3 Dec 2026");
    expect(formatInZone(at, "UTC")).toBe("3 Dec 2026, 13:05 UTC");
  });
  it("keeps the UTC instant for hover titles, and survives bad input", () => {
    expect(utcStamp(at)).toBe("2026-12-03 13:05 UTC");
    expect(formatInZone("not a date", "UTC")).toBe("—");
    expect(utcStamp("nope")).toBe("");
  });
  it("writes a calendar date as that day in every zone, without a time", () => {
    expect(formatInZone("2027-01-31", "America/Los_Angeles")).toBe("31 Jan 2027");
    expect(formatInZone("2027-01-31", "Pacific/Auckland", "date")).toBe("31 Jan 2027");
  });
});
