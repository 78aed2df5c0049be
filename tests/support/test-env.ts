// Secrets for tests: random per run, never the developer's data/secrets.json.
import { generateKeyPairSync, randomBytes } from "node:crypto";

export function testSecrets() {
  return {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    FIELD_ENCRYPTION_KEYS: `t1:${randomBytes(32).toString("base64")}`,
    BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
    // Only the pre-Merkle chain's checkpoints use it (the legacy adoption test).
    AUDIT_CHECKPOINT_KEY: randomBytes(32).toString("base64"),
    AUDIT_SIGNING_KEY: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

export { PG_ADMIN_URL } from "../../scripts/harness/databases.mjs";
