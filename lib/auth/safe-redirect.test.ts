import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "@/lib/auth/safe-redirect";

// Inputs an attacker puts in ?callbackUrl= to leave the site after sign-in.
const HOSTILE = [
  "/\\evil.example/landing",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/ /evil.example",
  "//evil.example",
  "///evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "/%2F%2Fevil.example",
  "/%2fevil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%E0%A4%A", // malformed escape
  "https://evil.example",
  "http://evil.example/",
  "HTTPS://evil.example",
  "//evil.example/%2e%2e",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "",
  "/\u0000/evil.example",
  "/\u00a0/evil.example",
  "/\u2028/evil.example",
  "/" + "a".repeat(3000),
];

describe("safeCallbackPath", () => {
  it.each(HOSTILE)("refuses %j", (input) => {
    expect(safeCallbackPath(input)).toBe("/");
  });

  it.each([undefined, null, 42, ["/admin"], { toString: () => "//evil" }])("refuses a non-string %j", (input) => {
    expect(safeCallbackPath(input)).toBe("/");
  });

  it.each([
    ["/", "/"],
    ["/oversight/inbox", "/oversight/inbox"],
    ["/audit?actor=a%40b.test&page=2", "/audit?actor=a%40b.test&page=2"],
    ["/breaches/abc#obligations", "/breaches/abc#obligations"],
    ["/inventory/../admin", "/admin"],
  ])("keeps the same-origin path %j", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const base = "https://compliance.example.org";
  it.each([
    ["/oversight", `${base}/oversight`],
    [`${base}/audit?x=1`, `${base}/audit?x=1`],
    ["https://evil.example/x", `${base}/`],
    [`${base}.evil.example/`, `${base}/`],
    ["https://compliance.example.org@evil.example/", `${base}/`],
    [`${base}//evil.example`, `${base}/`],
    [`${base}/\\evil.example`, `${base}/`],
    ["/\\evil.example/landing", `${base}/`],
    ["javascript:alert(1)", `${base}/`],
    ["not a url", `${base}/`],
  ])("%j -> %j", (input, expected) => {
    expect(safeRedirectUrl(input, base)).toBe(expected);
  });
});
