// Security-sensitive: signed tree heads for the audit log's Merkle tree (Ed25519, node:crypto).
// A head commits to (size, root) at a time; signing it lets an auditor holding only the public
// key check any inclusion or consistency proof offline (scripts/verify-audit-proof.mjs carries
// its own copy of headMessage — keep the two byte-identical).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";

export type HeadKind = "startup" | "seal" | "heartbeat" | "shutdown";
export const HEAD_KINDS: readonly HeadKind[] = ["startup", "seal", "heartbeat", "shutdown"];

export type TreeHead = { headIndex: number; treeSize: number; rootHash: string; timestamp: number; kind: HeadKind; keyId: string };
export type SignedTreeHead = TreeHead & { signature: string };

const MESSAGE_TAG = "oversight-audit-tree-head/v1";
// DER prefixes that wrap a raw 32-byte Ed25519 key (RFC 8410): SPKI for public, PKCS#8 for a seed.
const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

function field(ok: boolean, name: string, value: unknown, want: string): void {
  if (!ok) throw new Error(`tree head: ${name} must be ${want}, got ${JSON.stringify(value)}`);
}

/**
 * The exact bytes signed. Every field is validated first, so no two different heads can ever
 * produce the same message (no stray spaces, newlines, upper-case hex or fractional numbers).
 */
export function headMessage(h: TreeHead): Buffer {
  const uint = (n: unknown) => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
  field(uint(h.headIndex), "headIndex", h.headIndex, "a non-negative safe integer");
  field(uint(h.treeSize), "treeSize", h.treeSize, "a non-negative safe integer");
  field(typeof h.rootHash === "string" && /^[0-9a-f]{64}$/.test(h.rootHash), "rootHash", h.rootHash, "64 lower-case hex characters");
  field(uint(h.timestamp), "timestamp", h.timestamp, "a non-negative integer of ms since the epoch");
  field(HEAD_KINDS.includes(h.kind), "kind", h.kind, `one of ${HEAD_KINDS.join(", ")}`);
  field(typeof h.keyId === "string" && /^[0-9a-f]{16}$/.test(h.keyId), "keyId", h.keyId, "16 lower-case hex characters");
  return Buffer.from(
    `${MESSAGE_TAG}\nhead ${h.headIndex}\nsize ${h.treeSize}\nroot ${h.rootHash}\ntime ${h.timestamp}\nkind ${h.kind}\nkey ${h.keyId}\n`,
    "utf8",
  );
}

function assertEd25519(key: KeyObject, what: string): void {
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`${what}: expected an Ed25519 key, got ${key.asymmetricKeyType ?? key.type}`);
}

/** The raw 32-byte public key (a private key is accepted and its public half used). */
export function rawPublicKey(publicKey: KeyObject): Buffer {
  const pub = publicKey.type === "private" ? createPublicKey(publicKey) : publicKey;
  assertEd25519(pub, "public key");
  const der = pub.export({ format: "der", type: "spki" });
  return Buffer.from(der.subarray(der.length - 32));
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256").update(rawPublicKey(publicKey)).digest("hex").slice(0, 16);
}

export function publicKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error(`raw Ed25519 public key must be 32 bytes, got ${raw.length}`);
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: "der", type: "spki" });
}

/** Strict base64 (whitespace ignored): Buffer.from silently skips junk, which would hide typos. */
function decodeBase64(text: string): Buffer | null {
  const s = text.replace(/\s+/g, "");
  if (s.length === 0 || s.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return null;
  return Buffer.from(s, "base64");
}

const PRIVATE_FORMS = "a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----), base64 of PKCS#8 DER, or base64 of a raw 32-byte Ed25519 seed";
const PUBLIC_FORMS = "an SPKI PEM (-----BEGIN PUBLIC KEY-----), base64 of SPKI DER, or base64 of the raw 32-byte Ed25519 public key";

export function parsePrivateKey(text: string): KeyObject {
  const t = text.trim();
  let key: KeyObject;
  try {
    if (t.startsWith("-----BEGIN PRIVATE KEY-----")) {
      key = createPrivateKey({ key: t, format: "pem" });
    } else {
      const der = decodeBase64(t);
      if (!der) throw new Error("not PEM or base64");
      key = createPrivateKey({ key: der.length === 32 ? Buffer.concat([PKCS8_PREFIX, der]) : der, format: "der", type: "pkcs8" });
    }
  } catch (e) {
    throw new Error(`audit signing key: expected ${PRIVATE_FORMS} (${(e as Error).message})`);
  }
  assertEd25519(key, "audit signing key");
  return key;
}

export function parsePublicKey(text: string): KeyObject {
  const t = text.trim();
  let key: KeyObject;
  try {
    if (t.startsWith("-----BEGIN PUBLIC KEY-----")) {
      key = createPublicKey({ key: t, format: "pem" });
    } else {
      const der = decodeBase64(t);
      if (!der) throw new Error("not PEM or base64");
      key = der.length === 32 ? publicKeyFromRaw(der) : createPublicKey({ key: der, format: "der", type: "spki" });
    }
  } catch (e) {
    throw new Error(`audit public key: expected ${PUBLIC_FORMS} (${(e as Error).message})`);
  }
  assertEd25519(key, "audit public key");
  return key;
}

/** Only the TreeHead fields, so a stray property (or an old signature) is never carried along. */
function pick(h: TreeHead): TreeHead {
  return { headIndex: h.headIndex, treeSize: h.treeSize, rootHash: h.rootHash, timestamp: h.timestamp, kind: h.kind, keyId: h.keyId };
}

export function signHead(h: TreeHead, privateKey: KeyObject): SignedTreeHead {
  if (privateKey.type !== "private") throw new Error("signHead needs a private key");
  assertEd25519(privateKey, "signing key");
  const keyId = keyIdOf(privateKey);
  if (h.keyId !== keyId) throw new Error(`tree head keyId ${h.keyId} does not match the signing key's ${keyId}`);
  const head = pick(h);
  return { ...head, signature: sign(null, headMessage(head), privateKey).toString("base64") };
}

/** False for a bad or malformed signature, a malformed head, or a head naming another key. */
export function verifyHeadSignature(h: SignedTreeHead, publicKey: KeyObject): boolean {
  const keyId = keyIdOf(publicKey); // a non-Ed25519 key is a programmer error: let it throw
  try {
    if (h.keyId !== keyId || typeof h.signature !== "string") return false;
    const sig = decodeBase64(h.signature);
    if (!sig || sig.length !== 64 || sig.toString("base64") !== h.signature) return false;
    const pub = publicKey.type === "private" ? createPublicKey(publicKey) : publicKey;
    return verify(null, headMessage(h), pub, sig);
  } catch {
    return false;
  }
}

export function generateSigningKey(): { privateKeyPem: string; publicKeyPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
    keyId: keyIdOf(publicKey),
  };
}
