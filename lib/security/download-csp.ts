// The policy of a response that carries a stored file rather than a page: nothing in it may
// load or run, even if a browser renders it despite Content-Disposition: attachment.
// proxy.ts must not replace it with the page policy (the proxy's headers win over a route's),
// so the proxy asks isOwnCspPath and sends this one for those paths itself.
export const DOWNLOAD_CSP = "default-src 'none'; sandbox";

/** Routes that serve user-supplied files (evidence uploads). */
export function isOwnCspPath(pathname: string): boolean {
  return /^\/posture\/evidence\/[^/]+\/?$/.test(pathname);
}
