import { describe, expect, it } from "vitest";
import { requestIdOf } from "@/lib/net/request-id";

describe("requestIdOf", () => {
  it.each([
    ["abc-123-def-456", "abc-123-def-456"],
    ["short", "GEN"],
    [null, "GEN"],
    ["bad id with spaces", "GEN"],
    ["x".repeat(129), "GEN"],
    ["inject\nline-break", "GEN"],
  ])("%j → %s", (incoming, expected) => expect(requestIdOf(incoming, () => "GEN")).toBe(expected));
  it("generates a UUID by default", () => expect(requestIdOf(null)).toMatch(/^[0-9a-f-]{36}$/));
});
