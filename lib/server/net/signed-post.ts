import "server-only";
// Security-sensitive: the one signed outbound POST, shared by decision outcome callbacks
// and webhooks (docs/decisions/401 and 610). Signs with the scheme of
// lib/oversight/signature.ts, sends through the pinned, SSRF-checked POST and reduces
// the outcome to what may be logged: an HTTP status, or "delivery failed" and nothing
// else (refused, reset and timed out would otherwise map the ports of whatever host the
// URL names). The reason goes to the server log for the operator.
import { env } from "@/lib/env";
import { parseAllowedHosts } from "@/lib/net/ssrf";
import { pinnedPost, type PostFn } from "@/lib/server/net/pinned-post";
import { DELIVERY_HEADER, signPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "@/lib/oversight/signature";

export const DELIVERY_FAILED = "delivery failed";

export type SignedPost = { url: string; secret: string; body: string; deliveryId: string; userAgent: string; headers?: Record<string, string> };
export type SignedPostOptions = { post?: PostFn; timeoutMs?: number };
/** statusCode null: no HTTP answer (error is DELIVERY_FAILED). error null: a 2xx answer. */
export type SignedPostResult = { statusCode: number | null; error: string | null; durationMs: number };

export async function sendSigned(msg: SignedPost, { post = pinnedPost, timeoutMs = 10_000 }: SignedPostOptions = {}): Promise<SignedPostResult> {
  const ts = Math.floor(Date.now() / 1000);
  const started = Date.now();
  try {
    const res = await post(msg.url, {
      timeoutMs,
      // Read at every attempt: the allow list is checked at delivery, not only at registration.
      allowedHosts: parseAllowedHosts(env().CALLBACK_ALLOWED_HOSTS),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": msg.userAgent,
        ...msg.headers,
        [TIMESTAMP_HEADER]: String(ts),
        [SIGNATURE_HEADER]: signPayload(msg.secret, ts, msg.body),
        [DELIVERY_HEADER]: msg.deliveryId,
      },
      body: msg.body,
    });
    return { statusCode: res.status, error: res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`, durationMs: Date.now() - started };
  } catch (e) {
    console.warn(`signed delivery ${msg.deliveryId} failed:`, e instanceof Error ? e.message : e);
    // No duration either: it would tell a refused port from a filtered one.
    return { statusCode: null, error: DELIVERY_FAILED, durationMs: 0 };
  }
}
