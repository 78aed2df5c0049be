// The machine API's per-key budgets (lib/server/api/with-api-key.ts): a key that floods the
// standard API is refused with 429 and Retry-After, while the endpoints websites call per
// visitor (consent ingest and lookup) have their own, larger budget.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as ingestRoute } from "@/app/api/v1/consent/events/route";
import { GET as listPurposesRoute } from "@/app/api/v1/consent/purposes/route";
import { GET as lookupRoute } from "@/app/api/v1/consent/subjects/[subjectId]/route";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { RATE_LIMITS } from "@/lib/server/api/with-api-key";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { createPurpose } from "@/lib/server/consent/purposes";

const BASE = "http://localhost/api/v1/consent";
const auth = (key: string) => ({ authorization: `Bearer ${key}`, "content-type": "application/json" });
let key: string;
let purpose: string;

beforeAll(async () => {
  // The buckets refill with time; with the clock stopped the counts below are exact.
  vi.useFakeTimers({ toFake: ["Date"] });
  key = (await createApiKey(SYSTEM_CLI, { name: "rate limit test", scopes: ["consent:read", "consent:write"] })).key;
  purpose = (await createPurpose(SYSTEM_CLI, { key: `rl_${Date.now().toString(36)}`, title: "Rate limit", lawfulBasis: "consent" })).key;
});
afterAll(() => {
  vi.useRealTimers();
});

describe("API rate limits per key", () => {
  it("refuses the standard API after its burst with 429, RATE_LIMITED and Retry-After, and keeps the high-volume budget apart", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMITS.standard.burst; i++) {
      const res = await listPurposesRoute(new Request(`${BASE}/purposes`, { headers: auth(key) }), { params: Promise.resolve({}) });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get("retry-after")).toBe("1");
        expect((await res.json()).error.code).toBe("RATE_LIMITED");
      }
    }
    expect(statuses.slice(0, RATE_LIMITS.standard.burst).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);

    // The same key, out of standard budget, still records and looks up consent: more
    // requests than the standard burst, each answered.
    const n = RATE_LIMITS.standard.burst + 30;
    for (let i = 0; i < n; i++) {
      const subject = `rl-${i}@example.com`;
      const posted = await ingestRoute(new Request(`${BASE}/events`, { method: "POST", headers: auth(key), body: JSON.stringify({ subjectId: subject, purpose, action: "grant" }) }), { params: Promise.resolve({}) });
      expect(posted.status).toBe(201);
      const looked = await lookupRoute(new Request(`${BASE}/subjects/${encodeURIComponent(subject)}`, { headers: auth(key) }), { params: Promise.resolve({ subjectId: subject }) });
      expect(looked.status).toBe(200);
    }
  });
});
