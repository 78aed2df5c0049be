import { describe, expect, it } from "vitest";
import { isForeignOrigin } from "../proxy";

describe("origin check for state-changing requests", () => {
  it.each([
    ["http://localhost:3000", "localhost:3000", false],
    ["http://evil.example", "localhost:3000", true],
    ["http://localhost:3001", "localhost:3000", true],
    [null, "localhost:3000", true],
    ["null", "localhost:3000", true],
  ])("origin %s against host %s -> foreign=%s", (origin, host, foreign) => {
    expect(isForeignOrigin(origin, host)).toBe(foreign);
  });
});
