import type { NextConfig } from "next";
import { PROXY_BODY_LIMIT_BYTES, SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/upload-limits";

// Headers that do not depend on the request. The Content-Security-Policy carries a
// per-request nonce and is set in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // pdfkit reads its font metrics from its own folder at run time; bundling breaks that.
  serverExternalPackages: ["pdfkit", "exceljs"],
  // Server actions carry form fields and the 1 MB inventory import. The proxy buffers every
  // request body up to its limit and silently passes on only that much (10 MB by default),
  // so it must hold the largest evidence file; the route then checks the length it got.
  experimental: { serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES }, proxyClientMaxBodySize: PROXY_BODY_LIMIT_BYTES },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
