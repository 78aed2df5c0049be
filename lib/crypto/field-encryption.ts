// Security-sensitive: field encryption of personal identifiers at rest.
// AES-256-GCM with a random 96-bit IV; the key id travels with the ciphertext so old
// rows stay readable after a rotation (decrypt with any key in the ring, encrypt with
// the first). Lookups never decrypt: they use an HMAC-SHA-256 blind index.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export type KeyRing = { active: string; keys: Map<string, Buffer> };

const FORMAT = "v1";

/** Parses "kid1:base64key,kid0:base64key"; the first entry is the active key. */
export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<string, Buffer>();
  let active = "";
  for (const part of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const idx = part.indexOf(":");
    if (idx <= 0) throw new Error(`key ring entry "${part.slice(0, 8)}…" must be "<kid>:<base64 key>"`);
    const kid = part.slice(0, idx);
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(kid)) throw new Error(`key id "${kid}" must be 1-32 of [A-Za-z0-9_-]`);
    const key = Buffer.from(part.slice(idx + 1), "base64");
    if (key.length !== 32) throw new Error(`key "${kid}" must be 32 bytes (base64), got ${key.length}`);
    if (keys.has(kid)) throw new Error(`key id "${kid}" appears twice`);
    keys.set(kid, key);
    if (!active) active = kid;
  }
  if (!active) throw new Error("key ring is empty");
  return { active, keys };
}

export function encryptField(ring: KeyRing, plaintext: string, context = ""): string {
  const key = ring.keys.get(ring.active)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  // The context (e.g. "consent.subject") is bound as AAD so a ciphertext cannot be
  // moved from one column to another and still decrypt.
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${FORMAT}:${ring.active}:${iv.toString("base64url")}:${body.toString("base64url")}`;
}

export class DecryptionError extends Error {}

export function decryptField(ring: KeyRing, stored: string, context = ""): string {
  const parts = stored.split(":");
  if (parts.length !== 4 || parts[0] !== FORMAT) throw new DecryptionError("not an encrypted field");
  const [, kid, ivText, bodyText] = parts as [string, string, string, string];
  const key = ring.keys.get(kid);
  if (!key) throw new DecryptionError(`no decryption key with id "${kid}"`);
  const iv = Buffer.from(ivText, "base64url");
  const body = Buffer.from(bodyText, "base64url");
  if (iv.length !== 12 || body.length < 16) throw new DecryptionError("malformed ciphertext");
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(body.subarray(body.length - 16));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError("ciphertext failed authentication (tampered or wrong key)");
  }
}

/** True when the value was written under a key other than the active one. */
export function needsReEncryption(ring: KeyRing, stored: string): boolean {
  return stored.split(":")[1] !== ring.active;
}

export function reEncryptField(ring: KeyRing, stored: string, context = ""): string {
  return encryptField(ring, decryptField(ring, stored, context), context);
}

/**
 * Deterministic keyed index for exact-match lookups. Normalisation is the caller's
 * choice (e.g. trim + lower-case for emails) and must be the same on write and read.
 */
export function blindIndex(key: Buffer, value: string, context = ""): string {
  // One update of the joined string: the same bytes hashed, with fewer native calls.
  return createHmac("sha256", key).update(`${context}\u0000${value}`, "utf8").digest("base64url");
}

export function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
