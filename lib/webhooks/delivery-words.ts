// The delivery log's "Response" column in the admin's words (app/(dashboard)/admin/webhooks).
// The outbox stores only what may be logged (lib/server/net/signed-post.ts): the HTTP status
// the receiver answered, or "delivery failed" when no HTTP answer came at all (refused, reset,
// timed out, or an address the SSRF check does not allow; which one stays in the server log).
// Shown raw, "delivery failed" and "HTTP 401" say neither what went wrong nor what to do.
// Pure and client-safe; the API's delivery fields are unchanged.

export type DeliveryOutcome = { status: string; attempts: number; lastStatusCode: number | null; lastError: string | null };

/** What the receiver's HTTP status means for the person who runs it. */
function statusInWords(code: number): string {
  if (code === 401 || code === 403) return `Your endpoint refused it (HTTP ${code}): check that it verifies the signature with this endpoint's signing secret.`;
  if (code === 404 || code === 410) return `Your endpoint answered “not found” (HTTP ${code}): check the URL's path.`;
  if (code === 408 || code === 429) return `Your endpoint asked to slow down or timed out (HTTP ${code}).`;
  if (code === 413) return `Your endpoint found the event too large (HTTP 413): raise its body limit.`;
  if (code >= 500) return `Your endpoint failed on its side (HTTP ${code}): see its own logs.`;
  if (code >= 300 && code < 400) return `Your endpoint answered with a redirect (HTTP ${code}), which is not followed: register the address it redirects to.`;
  return `Your endpoint refused it (HTTP ${code}).`;
}

const NO_ANSWER = "No answer from your endpoint: the address could not be reached, did not answer within 10 seconds, or is not allowed (internal hosts need CALLBACK_ALLOWED_HOSTS). Check the URL and that the receiver is running.";

/** One sentence (or two) for a delivery's last attempt, ending with what happens next. */
export function deliveryResponseInWords(d: DeliveryOutcome): string {
  if (d.status === "delivered") return d.lastStatusCode ? `Accepted (HTTP ${d.lastStatusCode}).` : "Accepted.";
  if (d.status === "cancelled") return "Not sent: the endpoint was removed.";
  if (d.attempts === 0) return "Not sent yet.";
  const what = d.lastStatusCode !== null ? statusInWords(d.lastStatusCode) : d.lastError ? NO_ANSWER : "The last attempt did not get through.";
  const next = d.status === "failed" ? ` Given up after ${d.attempts} attempt${d.attempts === 1 ? "" : "s"}; once it is fixed, send a test event to check.` : " It is tried again at the time under Next retry.";
  return what + next;
}
