// A confirmation that survives a redirect (docs/decisions/016-toasts.md): the server action
// that redirects after a write sets a short-lived cookie; the layout-level toaster reads
// it on the next page, shows it once and clears it. Pure and client-safe.

export const FLASH_COOKIE = "flash";
/** Seconds: long enough for the redirect, short enough that a page without JS does not show it much later. */
export const FLASH_MAX_AGE = 30;
const MAX_LENGTH = 300;

/** The message as stored: whitespace folded, shortened. The cookie layer (Next's `cookies().set`) URI-encodes it. */
export function flashText(message: string): string {
  const text = message.replace(/\s+/g, " ").trim();
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

/** The flash message in a `document.cookie` string, or null when there is none (or it is malformed). */
export function readFlash(cookieHeader: string): string | null {
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== FLASH_COOKIE) continue;
    try {
      const text = decodeURIComponent(rest.join("=")).trim();
      return text ? text.slice(0, MAX_LENGTH) : null;
    } catch {
      return null;
    }
  }
  return null;
}
