// Request-level defences: a per-request CSP nonce, HSTS behind HTTPS, no-store on pages,
// and refusal of state-changing requests from a foreign origin. This is defence in depth
// only: authentication and authorization live in lib/server, which a proxy bypass (e.g.
// CVE-2025-29927's x-middleware-subrequest) cannot skip.
import { NextResponse, type NextRequest } from "next/server";
import { requestIdOf } from "@/lib/net/request-id";
import { oversizedActionResponse } from "@/lib/security/action-body-limit";
import { DOWNLOAD_CSP, isOwnCspPath } from "@/lib/security/download-csp";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function expectedHost(req: NextRequest): string | null {
  if (process.env.TRUST_PROXY === "1") return req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  return req.headers.get("host");
}

export function isForeignOrigin(origin: string | null, host: string | null): boolean {
  if (!origin || !host) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  // The machine API and SCIM authenticate with bearer tokens, never cookies, so another
  // origin calling them gains nothing; everything else that changes state must come from here.
  if (!SAFE_METHODS.has(req.method) && !path.startsWith("/api/v1/") && !path.startsWith("/scim/v2/")) {
    if (isForeignOrigin(req.headers.get("origin"), expectedHost(req))) {
      return NextResponse.json(
        { error: { code: "FORBIDDEN", message: "Cross-origin request refused." } },
        { status: 403 },
      );
    }
  }
  const tooLarge = oversizedActionResponse(req.method, req.headers);
  if (tooLarge) return tooLarge;

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Tailwind and recharts set inline style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  // Logs of this request carry its id (lib/server/log.ts); the client gets it back to quote.
  const requestId = requestIdOf(req.headers.get("x-request-id"));
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  // A stored file keeps its own sandbox policy: the proxy's header would override the route's.
  res.headers.set("Content-Security-Policy", isOwnCspPath(path) ? DOWNLOAD_CSP : csp);
  const https = req.nextUrl.protocol === "https:" || (process.env.TRUST_PROXY === "1" && req.headers.get("x-forwarded-proto") === "https");
  if (https) res.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  if (!path.startsWith("/_next/")) res.headers.set("Cache-Control", "no-store");
  res.headers.set("X-Request-Id", requestId);
  return res;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
