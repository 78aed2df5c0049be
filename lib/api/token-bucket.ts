// Per-process token bucket for the machine API (a burst, then a steady rate). With
// several instances each enforces its own share; sign-in limits, which must be global,
// use database counters instead (lib/server/rate-limit.ts).
export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly capacity: number, private readonly perSecond: number) {}

  take(key: string, now = Date.now()): { ok: boolean; retryAfterSeconds: number } {
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    b.tokens = Math.min(this.capacity, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (this.buckets.size > 10_000) this.buckets.clear(); // bound memory under key spraying
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true, retryAfterSeconds: 0 };
    }
    return { ok: false, retryAfterSeconds: Math.ceil((1 - b.tokens) / this.perSecond) };
  }
}
