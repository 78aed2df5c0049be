import "server-only";
// Security-sensitive: the process's key material, parsed once from the environment.
import { env } from "@/lib/env";
import { parseKeyRing, type KeyRing, encryptField, decryptField, blindIndex } from "@/lib/crypto/field-encryption";

let ring: KeyRing | undefined;

function keyRing(): KeyRing {
  ring ??= parseKeyRing(env().FIELD_ENCRYPTION_KEYS);
  return ring;
}

export const encrypt = (plaintext: string, context: string) => encryptField(keyRing(), plaintext, context);
export const decrypt = (stored: string, context: string) => decryptField(keyRing(), stored, context);
let blindKey: { encoded: string; key: Buffer } | undefined;
/** Decoded once per key (the consent ingest hashes two values per event). */
export function lookupHash(value: string, context: string) {
  const encoded = env().BLIND_INDEX_KEY;
  if (blindKey?.encoded !== encoded) blindKey = { encoded, key: Buffer.from(encoded, "base64") };
  return blindIndex(blindKey.key, value, context);
}
export const checkpointKey = () => Buffer.from(env().AUDIT_CHECKPOINT_KEY, "base64");

export function resetKeyCache() {
  ring = undefined;
  blindKey = undefined;
}
