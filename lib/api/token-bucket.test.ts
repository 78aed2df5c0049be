import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./token-bucket";

describe("API token bucket", () => {
  it("allows a burst up to capacity, then refuses with a retry time, then refills", () => {
    const b = new TokenBuckets(3, 1);
    const t = 1_000_000;
    expect([1, 2, 3].map(() => b.take("k", t).ok)).toEqual([true, true, true]);
    expect(b.take("k", t)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(b.take("k", t + 1000).ok).toBe(true);
  });

  it("keys are independent", () => {
    const b = new TokenBuckets(1, 1);
    expect(b.take("a", 0).ok).toBe(true);
    expect(b.take("b", 0).ok).toBe(true);
    expect(b.take("a", 0).ok).toBe(false);
  });
});
