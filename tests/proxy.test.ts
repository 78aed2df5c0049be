import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { DOWNLOAD_CSP } from "@/lib/security/download-csp";
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
