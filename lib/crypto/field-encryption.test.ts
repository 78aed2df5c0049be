import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { blindIndex, decryptField, DecryptionError, encryptField, needsReEncryption, parseKeyRing, reEncryptField } from "./field-encryption";

const k = () => randomBytes(32).toString("base64");

describe("field encryption (AES-256-GCM, key id with the ciphertext)", () => {
  const ring = parseKeyRing(`new:${k()},old:${k()}`);

  it("round-trips unicode text and never returns the plaintext in the stored form", () => {
    const stored = encryptField(ring, "jürgen.müller@example.de ✓", "ctx");
    expect(stored.startsWith("v1:new:")).toBe(true);
    expect(stored).not.toContain("müller");
    expect(decryptField(ring, stored, "ctx")).toBe("jürgen.müller@example.de ✓");
  });

  it("uses a fresh IV each time, so equal plaintexts give different ciphertexts", () => {
    expect(encryptField(ring, "same", "c")).not.toBe(encryptField(ring, "same", "c"));
  });

  it("detects a flipped ciphertext byte (authentication tag)", () => {
    const stored = encryptField(ring, "secret", "c");
    const parts = stored.split(":");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptField(ring, parts.join(":"), "c")).toThrow(DecryptionError);
  });

  it("refuses a ciphertext moved to another context (AAD binding)", () => {
    const stored = encryptField(ring, "secret", "consent.subject");
    expect(() => decryptField(ring, stored, "decision.inputs")).toThrow(/authentication/);
  });

  it("rotation: old ciphertexts stay readable, re-encryption moves them to the active key", () => {
    const oldKey = k();
    const before = parseKeyRing(`old:${oldKey}`);
    const stored = encryptField(before, "subject-42", "c");
    const after = parseKeyRing(`new:${k()},old:${oldKey}`);
    expect(decryptField(after, stored, "c")).toBe("subject-42");
    expect(needsReEncryption(after, stored)).toBe(true);
    const rotated = reEncryptField(after, stored, "c");
    expect(rotated.startsWith("v1:new:")).toBe(true);
    expect(needsReEncryption(after, rotated)).toBe(false);
    expect(decryptField(after, rotated, "c")).toBe("subject-42");
  });

  it("names the missing key when a key id is unknown", () => {
    const other = parseKeyRing(`zzz:${k()}`);
    expect(() => decryptField(other, encryptField(ring, "x", "c"), "c")).toThrow(/no decryption key with id "new"/);
  });

  it.each([
    ["", /empty/],
    ["nocolon", /must be "<kid>:<base64 key>"/],
    [`a:${Buffer.alloc(16).toString("base64")}`, /32 bytes/],
    [`a:${k()},a:${k()}`, /appears twice/],
  ])("rejects a malformed key ring %#", (spec, msg) => {
    expect(() => parseKeyRing(spec)).toThrow(msg);
  });

  it("blind index: deterministic per key and context, different across keys and contexts", () => {
    const key = randomBytes(32);
    expect(blindIndex(key, "a@b.c", "email")).toBe(blindIndex(key, "a@b.c", "email"));
    expect(blindIndex(key, "a@b.c", "email")).not.toBe(blindIndex(key, "a@b.c", "subject"));
    expect(blindIndex(randomBytes(32), "a@b.c", "email")).not.toBe(blindIndex(key, "a@b.c", "email"));
  });
});
