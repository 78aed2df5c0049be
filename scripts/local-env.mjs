// Fills in what the app needs to run on one machine with no configuration: a data
// folder, an SQLite database in it, and secrets generated once into data/secrets.json
// (mode 0600). Anything already set in the environment wins, which is how production
// passes its own secrets and DATABASE_URL.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const SECRET_NAMES = ["NEXTAUTH_SECRET", "FIELD_ENCRYPTION_KEYS", "BLIND_INDEX_KEY"];
// Read from an existing secrets.json when present, never generated any more: it verifies
// the HMAC checkpoints of a log written before the Merkle tree (docs/decisions/005).
const LEGACY_SECRET_NAMES = ["AUDIT_CHECKPOINT_KEY"];
export const DEMO_SIGNING_KEY_FILE = "audit-signing-key.pem";
export const DEMO_RETIRED_KEYS_FILE = "audit-retired-public-keys.txt";

export function generateSecrets() {
  return {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    FIELD_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
    BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
  };
}

export function generateSigningKeyPem() {
  return generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

/**
 * The demo's audit signing key, in its own file beside the database. That is what a demo
 * can do; the Admin page warns that production must keep the key elsewhere.
 */
function useDemoSigningKey(dataDir, quiet) {
  if (process.env.AUDIT_SIGNING_KEY || process.env.AUDIT_SIGNING_KEY_FILE) return;
  const file = join(dataDir, DEMO_SIGNING_KEY_FILE);
  if (!existsSync(file)) {
    writeFileSync(file, generateSigningKeyPem(), { mode: 0o600 });
    if (!quiet) console.log(`Generated the audit log's signing key in ${file}. Production keeps this key away from the database (AUDIT_SIGNING_KEY).`);
  }
  chmodSync(file, 0o600);
  process.env.AUDIT_SIGNING_KEY_FILE = file;
  const retired = join(dataDir, DEMO_RETIRED_KEYS_FILE);
  if (!process.env.AUDIT_RETIRED_PUBLIC_KEYS && existsSync(retired)) {
    process.env.AUDIT_RETIRED_PUBLIC_KEYS = readFileSync(retired, "utf8").split(/\s+/).filter(Boolean).join(",");
  }
}

export function loadLocalEnv({ quiet = false } = {}) {
  const dataDir = resolve(process.env.DATA_DIR ?? "./data");
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  process.env.DATABASE_URL ??= `file:${join(dataDir, "app.db")}`;
  useDemoSigningKey(dataDir, quiet);
  const missing = SECRET_NAMES.filter((n) => !process.env[n]);
  if (missing.length === 0) return { dataDir, created: false };
  const file = join(dataDir, "secrets.json");
  let created = false;
  let secrets;
  if (existsSync(file)) {
    secrets = JSON.parse(readFileSync(file, "utf8"));
  } else {
    secrets = generateSecrets();
    writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
    created = true;
    if (!quiet) console.log(`Generated secrets in ${file} (readable only by you). Back this file up: without it, encrypted fields cannot be read.`);
  }
  chmodSync(file, 0o600);
  for (const n of [...missing, ...LEGACY_SECRET_NAMES]) if (secrets[n] && !process.env[n]) process.env[n] = secrets[n];
  return { dataDir, created };
}
