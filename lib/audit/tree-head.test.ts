// Tests for signed tree heads: the exact signed bytes, sign/verify, tampering, and key parsing.
import { createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  generateSigningKey,
  headMessage,
  keyIdOf,
  parsePrivateKey,
  parsePublicKey,
  publicKeyFromRaw,
  rawPublicKey,
  signHead,
  verifyHeadSignature,
  type SignedTreeHead,
  type TreeHead,
} from "./tree-head";

const gen = generateSigningKey();
const priv = parsePrivateKey(gen.privateKeyPem);
const pub = parsePublicKey(gen.publicKeyPem);
const head: TreeHead = { headIndex: 3, treeSize: 40, rootHash: "ab".repeat(32), timestamp: 1764669600000, kind: "seal", keyId: gen.keyId };

describe("headMessage", () => {
  it("is the documented line format", () => {
    expect(headMessage(head).toString("utf8")).toBe(
      `oversight-audit-tree-head/v1\nhead 3\nsize 40\nroot ${"ab".repeat(32)}\ntime 1764669600000\nkind seal\nkey ${gen.keyId}\n`,
    );
  });

  it("refuses anything ambiguous", () => {
    const bad: Array<[Partial<Record<keyof TreeHead, unknown>>, RegExp]> = [
      [{ headIndex: -1 }, /headIndex/],
      [{ headIndex: 1.5 }, /headIndex/],
      [{ headIndex: "3" }, /headIndex/],
      [{ treeSize: 2 ** 53 }, /treeSize/],
      [{ treeSize: NaN }, /treeSize/],
      [{ rootHash: "AB".repeat(32) }, /rootHash/],
      [{ rootHash: "ab".repeat(31) }, /rootHash/],
      [{ rootHash: `${"ab".repeat(32)}\nkind seal` }, /rootHash/],
      [{ timestamp: 1.25 }, /timestamp/],
      [{ kind: "other" }, /kind.*startup, seal, heartbeat, shutdown/],
      [{ keyId: "ABCDEF0123456789" }, /keyId/],
      [{ keyId: "abc" }, /keyId/],
    ];
    for (const [patch, re] of bad) expect(() => headMessage({ ...head, ...patch } as TreeHead), JSON.stringify(patch)).toThrow(re);
  });
});

describe("sign and verify", () => {
  const signed = signHead(head, priv);

  it("round-trips, and the signature is a plain Ed25519 signature over headMessage", () => {
    expect(signed).toEqual({ ...head, signature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/) });
    expect(verifyHeadSignature(signed, pub)).toBe(true);
    expect(verify(null, headMessage(head), pub, Buffer.from(signed.signature, "base64"))).toBe(true);
    expect(verifyHeadSignature(JSON.parse(JSON.stringify(signed)) as SignedTreeHead, pub)).toBe(true);
  });

  it("does not carry stray properties into the signed head", () => {
    const s = signHead({ ...head, extra: 1, signature: "old" } as TreeHead, priv);
    expect(Object.keys(s).sort()).toEqual(["headIndex", "keyId", "kind", "rootHash", "signature", "timestamp", "treeSize"]);
  });

  it("any changed field fails", () => {
    const changes: Array<Partial<TreeHead>> = [
      { headIndex: 4 },
      { treeSize: 41 },
      { rootHash: "ac" + "ab".repeat(31) },
      { timestamp: head.timestamp + 1 },
      { kind: "heartbeat" },
      { keyId: "0123456789abcdef" },
    ];
    for (const c of changes) expect(verifyHeadSignature({ ...signed, ...c }, pub), JSON.stringify(c)).toBe(false);
  });

  it("another key fails, even one signing the same keyId claim", () => {
    const other = generateSigningKey();
    const otherPub = parsePublicKey(other.publicKeyPem);
    expect(verifyHeadSignature(signed, otherPub)).toBe(false);
    const byOther = signHead({ ...head, keyId: other.keyId }, parsePrivateKey(other.privateKeyPem));
    expect(verifyHeadSignature(byOther, otherPub)).toBe(true);
    expect(verifyHeadSignature({ ...byOther, keyId: gen.keyId }, pub)).toBe(false);
    // A head that names another key is refused even when this key really signed it.
    const misnamed = { ...head, keyId: other.keyId };
    const signature = sign(null, headMessage(misnamed), priv).toString("base64");
    expect(verify(null, headMessage(misnamed), pub, Buffer.from(signature, "base64"))).toBe(true);
    expect(verifyHeadSignature({ ...misnamed, signature }, pub)).toBe(false);
  });

  it("garbage signatures are false, not exceptions", () => {
    const sig = Buffer.from(signed.signature, "base64");
    const flipped = Buffer.from(sig);
    flipped[10] = flipped[10]! ^ 1;
    for (const s of ["", "garbage", "!!!!", signed.signature.slice(0, -4), `${signed.signature}AAAA`, ` ${signed.signature}`, flipped.toString("base64"), Buffer.alloc(64).toString("base64"), 42, null]) {
      expect(verifyHeadSignature({ ...signed, signature: s as string }, pub), String(s)).toBe(false);
    }
    expect(verifyHeadSignature({ ...signed, treeSize: -1 }, pub)).toBe(false);
    expect(verifyHeadSignature({ ...signed, kind: "x" as "seal" }, pub)).toBe(false);
  });

  it("signHead refuses a keyId that is not the signing key's, and a public key", () => {
    expect(() => signHead({ ...head, keyId: "0123456789abcdef" }, priv)).toThrow(/does not match/);
    expect(() => signHead(head, pub)).toThrow(/private key/);
    expect(() => signHead({ ...head, rootHash: "xyz" }, priv)).toThrow(/rootHash/);
  });
});

describe("keys", () => {
  it("keyId is the first 16 hex of SHA-256 of the raw public key, the same from either half", () => {
    const raw = rawPublicKey(pub);
    expect(raw.length).toBe(32);
    expect(raw).toEqual(Buffer.from(pub.export({ format: "jwk" }).x!, "base64url"));
    expect(keyIdOf(pub)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(priv)).toBe(keyIdOf(pub));
    expect(gen.keyId).toBe(keyIdOf(pub));
    expect(keyIdOf(publicKeyFromRaw(raw))).toBe(gen.keyId);
    expect(() => publicKeyFromRaw(Buffer.alloc(31))).toThrow(/32 bytes/);
  });

  it("parsePrivateKey accepts PKCS#8 PEM, base64 PKCS#8 DER and a base64 raw seed", () => {
    const der = priv.export({ format: "der", type: "pkcs8" });
    const seed = Buffer.from(priv.export({ format: "jwk" }).d!, "base64url");
    const forms = [gen.privateKeyPem, `\n  ${gen.privateKeyPem}\n`, der.toString("base64"), seed.toString("base64"), der.toString("base64").replace(/(.{20})/g, "$1\n")];
    for (const f of forms) {
      const k = parsePrivateKey(f);
      expect(keyIdOf(k)).toBe(gen.keyId);
      expect(verifyHeadSignature(signHead(head, k), pub)).toBe(true);
    }
  });

  it("parsePublicKey accepts SPKI PEM, base64 SPKI DER and base64 raw 32 bytes", () => {
    const der = pub.export({ format: "der", type: "spki" });
    for (const f of [gen.publicKeyPem, der.toString("base64"), rawPublicKey(pub).toString("base64")]) expect(keyIdOf(parsePublicKey(f))).toBe(gen.keyId);
  });

  it("rejects RSA and X25519 keys, naming the problem", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
    const x = generateKeyPairSync("x25519");
    for (const k of [rsa, x]) {
      const type = k.privateKey.asymmetricKeyType!;
      expect(() => parsePrivateKey(k.privateKey.export({ format: "pem", type: "pkcs8" }).toString())).toThrow(new RegExp(`expected an Ed25519 key, got ${type}`));
      expect(() => parsePrivateKey(k.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"))).toThrow(/Ed25519/);
      expect(() => parsePublicKey(k.publicKey.export({ format: "pem", type: "spki" }).toString())).toThrow(new RegExp(`got ${type}`));
      expect(() => keyIdOf(k.publicKey)).toThrow(/Ed25519/);
      expect(() => verifyHeadSignature(signHead(head, priv), k.publicKey)).toThrow(/Ed25519/);
    }
    expect(() => parsePrivateKey(rsa.privateKey.export({ format: "pem", type: "pkcs1" }).toString())).toThrow(/PKCS#8 PEM.*base64 of PKCS#8 DER.*raw 32-byte/);
  });

  it("rejects junk and a private key where a public one belongs, listing the accepted forms", () => {
    for (const s of ["", "not a key", "QUJD", "@@@@"]) {
      expect(() => parsePrivateKey(s), s).toThrow(/PKCS#8 PEM/);
      expect(() => parsePublicKey(s), s).toThrow(/SPKI PEM/);
    }
    expect(() => parsePublicKey(gen.privateKeyPem)).toThrow(/SPKI PEM/);
    expect(() => parsePrivateKey(gen.publicKeyPem)).toThrow(/PKCS#8 PEM/);
    expect(createPublicKey(gen.publicKeyPem).asymmetricKeyType).toBe("ed25519");
  });
});
