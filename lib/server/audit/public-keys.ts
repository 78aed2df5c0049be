import "server-only";
// The public half of the audit signing keys, for anyone who wants to verify heads.
import type { KeyObject } from "node:crypto";
import { keyIdOf, rawPublicKey } from "@/lib/audit/tree-head";
import { auditSigner, auditTrustedKeys } from "@/lib/server/keys";

function describe(k: KeyObject) {
  return { keyId: keyIdOf(k), algorithm: "Ed25519" as const, pem: k.export({ type: "spki", format: "pem" }).toString(), raw: rawPublicKey(k).toString("base64") };
}

export function auditPublicKeys() {
  const current = auditSigner().publicKey;
  const currentId = keyIdOf(current);
  const retired = [...auditTrustedKeys().values()].filter((k) => keyIdOf(k) !== currentId).map(describe);
  return { ...describe(current), retired };
}
