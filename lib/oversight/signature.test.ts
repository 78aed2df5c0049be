import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { backoffMs, REPLAY_WINDOW_SECONDS, signPayload, verifySignature } from "@/lib/oversight/signature";

const secret = "whsec_test";
const body = JSON.stringify({ id: "d1", status: "approved" });
const now = 1_800_000_000;

describe("callback signatures (HMAC-SHA-256 over timestamp.body)", () => {
  it("matches an independent computation of the documented scheme", () => {
    const independent = createHmac("sha256", secret).update(`${now}.${body}`).digest("hex");
    expect(signPayload(secret, now, body)).toBe(`v1=${independent}`);
  });

  it.each([
    ["valid now", String(now), signPayload(secret, now, body), body, now, { ok: true }],
    ["valid at the edge of the replay window", String(now), signPayload(secret, now, body), body, now + REPLAY_WINDOW_SECONDS, { ok: true }],
    ["stale: replayed after the window", String(now), signPayload(secret, now, body), body, now + REPLAY_WINDOW_SECONDS + 1, { ok: false, reason: "stale" }],
    ["from the future beyond the window", String(now + REPLAY_WINDOW_SECONDS + 1), signPayload(secret, now + REPLAY_WINDOW_SECONDS + 1, body), body, now, { ok: false, reason: "stale" }],
    ["body altered", String(now), signPayload(secret, now, body), body.replace("approved", "rejected"), now, { ok: false, reason: "mismatch" }],
    ["timestamp altered (signature bound to it)", String(now + 1), signPayload(secret, now, body), body, now, { ok: false, reason: "mismatch" }],
    ["wrong secret", String(now), signPayload("other", now, body), body, now, { ok: false, reason: "mismatch" }],
    ["missing header", null, null, body, now, { ok: false, reason: "malformed" }],
    ["non-numeric timestamp", "abc", signPayload(secret, now, body), body, now, { ok: false, reason: "malformed" }],
    ["one of several signatures (rotation) matches", String(now), `v1=00,${signPayload(secret, now, body)}`, body, now, { ok: true }],
  ] as const)("%s", (_n, ts, sig, b, at, expected) => {
    expect(verifySignature(secret, ts, sig, b, at)).toEqual(expected);
  });

  it("backs off exponentially and caps", () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(30, 1000, 60_000)).toBe(60_000);
  });
});
