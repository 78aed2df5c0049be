// A server action call that fails before the action runs (the proxy's 413 for a form over
// the body limit, a dropped connection) throws in the browser; under useActionState that
// would replace the page with the error boundary. Wrapped, the form shows it as its own
// refusal instead: Next's client puts a text/plain error body into the error's message
// (lib/security/action-body-limit.ts), so the person reads the limit.
import type { ActionResult } from "@/lib/action-result";

const GENERIC = "An unexpected response was received from the server.";

/** The sentence a form shows for a call that failed before its action could answer. */
export function failureMessage(e: unknown): string {
  const digest = e && typeof e === "object" && "digest" in e ? String((e as { digest: unknown }).digest) : "";
  // A server error is redacted in production and carries a digest: Next's own refusal of a
  // body over the limit sent without Content-Length (never by a browser) ends up here.
  if (digest) return `The server could not take this form (reference ${digest}). Nothing was saved. If it holds a large file or text, send less; otherwise try again.`;
  if (e instanceof Error && e.message && e.message !== GENERIC) return e.message;
  return "The form could not be sent. Check your connection and try again; nothing was saved.";
}

export function withReadableFailure<S, T>(action: (prev: S, form: FormData) => Promise<ActionResult<T>>) {
  return async (prev: S, form: FormData): Promise<ActionResult<T>> => {
    try {
      return await action(prev, form);
    } catch (e) {
      // Next's own signals (redirect, notFound) are not failures: let the router have them.
      if (e && typeof e === "object" && "digest" in e && String((e as { digest: unknown }).digest).startsWith("NEXT_")) throw e;
      return { ok: false, message: failureMessage(e) };
    }
  };
}
