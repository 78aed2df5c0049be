import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, generateRecoveryCodes, hotp, normaliseRecoveryCode, otpauthUrl, totpAt, verifyTotp } from "./totp";

// RFC 6238 Appendix B uses the ASCII secret "12345678901234567890" (SHA-1); the 6-digit
// code is the last six digits of the published 8-digit value.
const RFC_SECRET = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP (RFC 6238 / RFC 4226)", () => {
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1111111111, "050471"],
    [1234567890, "005924"],
    [2000000000, "279037"],
    [20000000000, "353130"],
  ])("RFC 6238 Appendix B vector at T=%i gives %s", (t, code) => {
    expect(totpAt(RFC_SECRET, t * 1000)).toBe(code);
  });

  it("RFC 4226 Appendix D HOTP vectors", () => {
    const secret = Buffer.from("12345678901234567890");
    expect([0, 1, 2, 3, 9].map((c) => hotp(secret, c))).toEqual(["755224", "287082", "359152", "969429", "520489"]);
  });

  it("base32 round-trips", () => {
    const buf = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    expect(base32Decode(base32Encode(buf))).toEqual(buf);
    expect(() => base32Decode("ABC1")).toThrow(/invalid base32/);
  });

  it("accepts one step of drift either way and returns the matched step; rejects two", () => {
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30000);
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now - 30000), now)).toBe(step - 1);
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now + 30000), now)).toBe(step + 1);
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now - 60000), now)).toBeNull();
  });

  it.each(["", "12345", "1234567", "abcdef", "12 456"])("rejects malformed code %j", (code) => {
    expect(verifyTotp(RFC_SECRET, code, Date.now())).toBeNull();
  });

  it("otpauth URL carries issuer, account and parameters", () => {
    const url = otpauthUrl("JBSWY3DPEHPK3PXP", "ada@example.org", "Oversight Dashboard");
    expect(url).toMatch(/^otpauth:\/\/totp\/Oversight%20Dashboard%3Aada%40example\.org\?secret=JBSWY3DPEHPK3PXP&issuer=Oversight%20Dashboard/);
    expect(url).toContain("digits=6");
  });

  it("recovery codes are unique, formatted, and normalise case and dashes", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    expect(normaliseRecoveryCode(" ABCDE-fghij ")).toBe("abcdefghij");
  });
});
