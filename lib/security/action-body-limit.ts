// Server actions over Next's body limit: Next itself reads the body, finds it too large and
// answers 500 (its own 413 is swallowed by the action handler). The proxy refuses them first,
// from the Content-Length a browser always sends, so the body is never read. The answer is
// text/plain because that is the one error body Next's client turns into the thrown error's
// message (server-action-reducer: `status >= 400 && content-type === "text/plain"`), which a
// form can then show.
import { formatMegabytes, SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/upload-limits";

const TOO_LARGE_START = "This form sent ";

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Next's client marks every server action call with this header. */
export const ACTION_HEADER = "next-action";

export const actionTooLargeMessage = (sent: number) =>
  `${TOO_LARGE_START}${megabytes(sent)}; a form may send at most ${formatMegabytes(SERVER_ACTION_BODY_LIMIT_BYTES)}. Nothing was saved. Send a smaller file or shorter text.`;

/** The 413's text, which a form without its own handling finds in the error boundary. */
export const isActionTooLargeMessage = (message: string) => message.startsWith(TOO_LARGE_START);

/** A 413 for a server action whose declared body is over the limit, else null. */
export function oversizedActionResponse(method: string, headers: Headers): Response | null {
  if (method !== "POST" || !headers.has(ACTION_HEADER)) return null;
  const length = Number(headers.get("content-length") ?? "");
  if (!Number.isFinite(length) || length <= SERVER_ACTION_BODY_LIMIT_BYTES) return null;
  return new Response(actionTooLargeMessage(length), { status: 413, headers: { "content-type": "text/plain" } });
}
