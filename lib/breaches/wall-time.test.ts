import { describe, expect, it } from "vitest";
import { isoToWallInput, wallInputToIso } from "./wall-time";

describe("wall-time inputs in the organisation's zone", () => {
  it.each([
    ["2026-03-02T11:00", "Europe/Berlin", "2026-03-02T10:00:00.000Z"],
    ["2026-07-02T11:00", "Europe/Berlin", "2026-07-02T09:00:00.000Z"],
    ["2026-03-09T23:30", "America/Los_Angeles", "2026-03-10T06:30:00.000Z"],
    ["2026-03-02T10:00", "UTC", "2026-03-02T10:00:00.000Z"],
  ])("%s in %s is %s", (wall, tz, iso) => {
    expect(wallInputToIso(wall, tz)).toBe(iso);
    expect(isoToWallInput(iso, tz)).toBe(wall);
  });
  it("empty or malformed input is null", () => {
    expect(wallInputToIso("", "UTC")).toBeNull();
    expect(wallInputToIso("2026-03-02", "UTC")).toBeNull();
  });
});
