// The two halves of "which address is the client": the server strips what it must not
// believe (scripts/forwarded-headers.mjs), and lib/server/request-ip.ts reads what is left.
import { describe, expect, it } from "vitest";
import { PEER_HEADER as SERVER_PEER_HEADER, sanitiseForwardedHeaders } from "../scripts/forwarded-headers.mjs";
import { PEER_HEADER, requestIp } from "@/lib/server/request-ip";

const h = (o: Record<string, string>) => new Headers(o);

describe("sanitiseForwardedHeaders (scripts/serve.mjs)", () => {
  it("overwrites a client-sent peer header with the socket address", () => {
    const headers: Record<string, string> = { [PEER_HEADER]: "203.0.113.9" };
    expect(sanitiseForwardedHeaders(headers, "192.0.2.1", false)[PEER_HEADER]).toBe("192.0.2.1");
    expect(sanitiseForwardedHeaders({ [PEER_HEADER]: "203.0.113.9" }, undefined, false)[PEER_HEADER]).toBeUndefined();
  });
  it("drops every forwarding header unless the proxy is trusted", () => {
    const all = () => ({ "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-real-ip": "1.2.3.4", forwarded: "for=1.2.3.4", host: "app" });
    expect(Object.keys(sanitiseForwardedHeaders(all(), "192.0.2.1", false)).sort()).toEqual(["host", PEER_HEADER]);
    expect(sanitiseForwardedHeaders(all(), "192.0.2.1", true)["x-forwarded-for"]).toBe("1.2.3.4");
  });
  it("names the same header as the app", () => {
    expect(SERVER_PEER_HEADER).toBe(PEER_HEADER);
  });
});

describe("requestIp", () => {
  it("without a trusted proxy ignores X-Forwarded-For and X-Real-IP", () => {
    expect(requestIp(h({ "x-forwarded-for": "203.0.113.1, 203.0.113.2", "x-real-ip": "203.0.113.3" }), false)).toBeNull();
    expect(requestIp(h({ "x-forwarded-for": "203.0.113.1", [PEER_HEADER]: "192.0.2.5" }), false)).toBe("192.0.2.5");
  });
  it("behind a trusted proxy takes only the rightmost entry (the one the proxy appended)", () => {
    expect(requestIp(h({ "x-forwarded-for": "203.0.113.1, 198.51.100.7", [PEER_HEADER]: "10.0.0.2" }), true)).toBe("198.51.100.7");
    expect(requestIp(h({ [PEER_HEADER]: "10.0.0.2" }), true)).toBe("10.0.0.2");
  });
  it("accepts only addresses, normalising v4-mapped IPv6", () => {
    expect(requestIp(h({ [PEER_HEADER]: "::ffff:192.0.2.9" }), false)).toBe("192.0.2.9");
    expect(requestIp(h({ [PEER_HEADER]: "[2001:db8::1]" }), false)).toBe("2001:db8::1");
    expect(requestIp(h({ "x-forwarded-for": "1.2.3.4, <script>" }), true)).toBeNull();
  });
});
