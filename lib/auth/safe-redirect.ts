// Security-sensitive: where the app may send a browser after sign-in. Only a path on this
// origin is honoured; anything else falls back to "/". Browsers are generous parsers
// (`/\evil`, `/\t/evil`, `//evil` and `/%5Cevil` after one decode all leave the site), so
// rather than enumerate the tricks this refuses every character they rely on and then
// checks that resolving the path cannot change the origin.

const PROBE_ORIGIN = "http://callback.invalid";
const MAX_LENGTH = 2000;

function hostile(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//")) return true;
  // Backslashes become slashes, and tabs/newlines are dropped, by the WHATWG URL parser.
  // eslint-disable-next-line no-control-regex
  return /[\\\u0000-\u001f\u007f\s]/.test(path);
}

/** The same-origin path `raw` names, or "/" when it names anything else. */
export function safeCallbackPath(raw: unknown): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return "/";
  if (hostile(raw)) return "/";
  // Something downstream (a proxy, next-auth, the router) may decode once more.
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return "/";
  }
  if (hostile(decoded)) return "/";
  const url = new URL(raw, PROBE_ORIGIN);
  if (url.origin !== PROBE_ORIGIN) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * next-auth's redirect callback: `url` is relative or absolute; only this origin's paths
 * are kept (as an absolute URL on `baseUrl`), everything else goes to the home page.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let path: string = url;
  if (!url.startsWith("/")) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return base.origin + "/";
    }
    if (parsed.origin !== base.origin) return base.origin + "/";
    path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  }
  return base.origin + safeCallbackPath(path);
}
