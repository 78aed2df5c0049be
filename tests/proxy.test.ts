import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { DOWNLOAD_CSP } from "@/lib/security/download-csp";
import { formatMegabytes, SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/upload-limits";
import { isForeignOrigin, proxy } from "../proxy";

describe("origin check for state-changing requests", () => {
  it.each([
    ["http://localhost:3000", "localhost:3000", false],
    ["http://evil.example", "localhost:3000", true],
    ["http://localhost:3001", "localhost:3000", true],
    [null, "localhost:3000", true],
    ["null", "localhost:3000", true],
  ])("origin %s against host %s -> foreign=%s", (origin, host, foreign) => {
    expect(isForeignOrigin(origin, host)).toBe(foreign);
  });
});

describe("content security policy", () => {
  const csp = (path: string) => proxy(new NextRequest(`http://localhost:3000${path}`)).headers.get("content-security-policy");
  it("an evidence download keeps its sandbox policy instead of the page policy", () => {
    expect(csp("/posture/evidence/ev_123")).toBe(DOWNLOAD_CSP);
  });
  it("pages get the nonce policy", () => {
    expect(csp("/posture/evidence")).toMatch(/script-src 'self' 'nonce-/);
    expect(csp("/posture")).toMatch(/frame-ancestors 'none'/);
  });
});

describe("bearer-token paths skip the origin check; nothing else does", () => {
  const post = (path: string) => proxy(new NextRequest(`http://localhost:3000${path}`, { method: "POST", headers: { host: "localhost:3000", origin: "http://idp.example" } })).status;
  it("lets a SCIM client (another origin, bearer token) through to the handler, which authenticates it", () => {
    expect(post("/scim/v2/Users")).toBe(200);
  });
  it("still refuses a foreign origin elsewhere, including paths that only look like SCIM", () => {
    expect(post("/scim")).toBe(403);
    expect(post("/scimx/v2/Users")).toBe(403);
    expect(post("/api/auth/callback/oidc")).toBe(403);
  });
});

describe("server actions over the body limit: a clear 413 before the body is read", () => {
  const action = (length: number | null, extra: Record<string, string> = {}) =>
    proxy(new NextRequest("http://localhost:3000/inventory/import", {
      method: "POST",
      headers: { host: "localhost:3000", origin: "http://localhost:3000", "next-action": "7f00aa", ...(length === null ? {} : { "content-length": String(length) }), ...extra },
    }));

  it("answers 413 in plain text naming the limit and what was sent (Next's client shows that text)", async () => {
    const res = action(3 * 1024 * 1024);
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("text/plain");
    const text = await res.text();
    expect(text).toContain(`at most ${formatMegabytes(SERVER_ACTION_BODY_LIMIT_BYTES)}`);
    expect(text).toContain("sent 3.0 MB");
  });

  it("lets a server action at the limit through, and requests that are not server actions", () => {
    expect(action(SERVER_ACTION_BODY_LIMIT_BYTES).status).toBe(200);
    expect(action(null).status).toBe(200);
    const upload = proxy(new NextRequest("http://localhost:3000/posture/evidence/upload", { method: "POST", headers: { host: "localhost:3000", origin: "http://localhost:3000", "content-length": String(20 * 1024 * 1024) } }));
    expect(upload.status).toBe(200);
  });

  it("still refuses a foreign origin first", () => {
    expect(action(3 * 1024 * 1024, { origin: "http://evil.example" }).status).toBe(403);
  });
});
