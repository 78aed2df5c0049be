import { describe, expect, it } from "vitest";
import { evidenceFreshness, statusWithEvidence } from "./evidence-freshness";

const now = new Date("2026-06-01T00:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe("evidenceFreshness", () => {
  it.each([
    [null, "no_expiry"], [days(-1), "expired"], [now, "expired"], [days(10), "expires_soon"], [days(30), "expires_soon"], [days(31), "current"],
  ] as const)("%s -> %s", (at, want) => expect(evidenceFreshness(at, now)).toBe(want));
});

describe("statusWithEvidence", () => {
  it("downgrades a satisfied review whose evidence all expired", () => {
    expect(statusWithEvidence("satisfied", true, { total: 2, current: 0 })).toBe("partial");
    expect(statusWithEvidence("satisfied", true, { total: 2, current: 1 })).toBe("satisfied");
    expect(statusWithEvidence("satisfied", true, { total: 0, current: 0 })).toBe("satisfied");
    expect(statusWithEvidence("satisfied", false, { total: 2, current: 0 })).toBe("satisfied");
    expect(statusWithEvidence("not_satisfied", true, { total: 1, current: 0 })).toBe("not_satisfied");
  });
});
