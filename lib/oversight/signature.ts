// Security-sensitive: signing and verifying outcome callbacks.
//
// Scheme (documented in docs/decisions/401-signed-callbacks.md):
//   X-Oversight-Timestamp: <unix seconds>
//   X-Oversight-Signature: v1=<hex HMAC-SHA-256(secret, `${timestamp}.${rawBody}`)>
// A receiver recomputes the HMAC over the exact bytes it received, compares in constant
// time and refuses timestamps more than REPLAY_WINDOW_SECONDS from its own clock.
import { createHmac, timingSafeEqual } from "node:crypto";

export const TIMESTAMP_HEADER = "X-Oversight-Timestamp";
export const SIGNATURE_HEADER = "X-Oversight-Signature";
export const DELIVERY_HEADER = "X-Oversight-Delivery";
export const REPLAY_WINDOW_SECONDS = 300;

export function signPayload(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: "malformed" | "stale" | "mismatch" };

export function verifySignature(secret: string, timestampHeader: string | null, signatureHeader: string | null, body: string, nowSeconds = Math.floor(Date.now() / 1000)): VerifyResult {
  if (!timestampHeader || !signatureHeader || !/^\d{1,12}$/.test(timestampHeader)) return { ok: false, reason: "malformed" };
  const ts = Number(timestampHeader);
  if (Math.abs(nowSeconds - ts) > REPLAY_WINDOW_SECONDS) return { ok: false, reason: "stale" };
  const expected = Buffer.from(signPayload(secret, ts, body));
  // Several signatures may be sent (comma-separated) during a secret rotation.
  for (const candidate of signatureHeader.split(",").map((s) => s.trim())) {
    const got = Buffer.from(candidate);
    if (got.length === expected.length && timingSafeEqual(got, expected)) return { ok: true };
  }
  return { ok: false, reason: "mismatch" };
}

/** Exponential backoff for attempt n (1-based) that failed: base * 2^(n-1), capped. */
export function backoffMs(attempt: number, baseMs = 30_000, capMs = 6 * 3_600_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

export const MAX_CALLBACK_ATTEMPTS = 8;
