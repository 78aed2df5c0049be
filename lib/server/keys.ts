import "server-only";
// Security-sensitive: the process's key material, parsed once from the environment.
import { createPublicKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { env } from "@/lib/env";
import { keyIdOf, parsePrivateKey, parsePublicKey } from "@/lib/audit/tree-head";
import { parseKeyRing, type KeyRing, encryptField, decryptField, blindIndex, needsReEncryption, reEncryptField } from "@/lib/crypto/field-encryption";

let ring: KeyRing | undefined;

function keyRing(): KeyRing {
  ring ??= parseKeyRing(env().FIELD_ENCRYPTION_KEYS);
  return ring;
}

export const encrypt = (plaintext: string, context: string) => encryptField(keyRing(), plaintext, context);
export const decrypt = (stored: string, context: string) => decryptField(keyRing(), stored, context);
/** Key rotation (lib/server/crypto/rotate-field-keys.ts): the active key id, and re-encryption under it. */
export const activeFieldKeyId = () => keyRing().active;
export const needsFieldRotation = (stored: string) => needsReEncryption(keyRing(), stored);
export const reEncrypt = (stored: string, context: string) => reEncryptField(keyRing(), stored, context);
let blindKey: { encoded: string; key: Buffer } | undefined;
/** Decoded once per key (the consent ingest hashes two values per event). */
export function lookupHash(value: string, context: string) {
  const encoded = env().BLIND_INDEX_KEY;
  if (blindKey?.encoded !== encoded) blindKey = { encoded, key: Buffer.from(encoded, "base64") };
  return blindIndex(blindKey.key, value, context);
}
/** The pre-Merkle chain's HMAC key, if this deployment still has one (legacy adoption only). */
export const legacyCheckpointKey = () => {
  const k = env().AUDIT_CHECKPOINT_KEY;
  return k ? Buffer.from(k, "base64") : null;
};

export type AuditSigner = { privateKey: KeyObject; publicKey: KeyObject; keyId: string; file: string | null };
let signer: { source: string; value: AuditSigner } | undefined;

/** The Ed25519 key that signs tree heads, from AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE. */
export function auditSigner(): AuditSigner {
  const e = env();
  const file = e.AUDIT_SIGNING_KEY ? null : (e.AUDIT_SIGNING_KEY_FILE ?? null);
  if (!e.AUDIT_SIGNING_KEY && !file) {
    throw new Error("AUDIT_SIGNING_KEY is missing (or set AUDIT_SIGNING_KEY_FILE to a file holding it): the Ed25519 private key that signs the audit log's tree heads. `npm run admin -- audit:generate-key` makes one.");
  }
  const source = e.AUDIT_SIGNING_KEY ?? `file:${file}`;
  if (signer?.source !== source) {
    let text: string;
    try {
      text = e.AUDIT_SIGNING_KEY ?? readFileSync(file!, "utf8");
    } catch (err) {
      throw new Error(`AUDIT_SIGNING_KEY_FILE (${file}) cannot be read: ${err instanceof Error ? err.message : String(err)}`);
    }
    const privateKey = parsePrivateKey(text.trim());
    const publicKey = createPublicKey(privateKey);
    signer = { source, value: { privateKey, publicKey, keyId: keyIdOf(publicKey), file: file ? resolve(file) : null } };
  }
  return signer.value;
}

/**
 * Every public key a head may be signed with: the current key and the retired ones named
 * in AUDIT_RETIRED_PUBLIC_KEYS. Never read from the database, so a database administrator
 * cannot add a key of their own.
 */
export function auditTrustedKeys(extra: string[] = []): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  // An auditor may verify with public keys only (--public-key), without the private key.
  if (env().AUDIT_SIGNING_KEY || env().AUDIT_SIGNING_KEY_FILE || extra.length === 0) {
    const current = auditSigner().publicKey;
    keys.set(keyIdOf(current), current);
  }
  const retired = (env().AUDIT_RETIRED_PUBLIC_KEYS ?? "").split(",").map((k) => k.trim()).filter(Boolean);
  for (const text of [...retired, ...extra]) {
    const k = parsePublicKey(text);
    keys.set(keyIdOf(k), k);
  }
  return keys;
}

export function resetKeyCache() {
  ring = undefined;
  blindKey = undefined;
  signer = undefined;
}
