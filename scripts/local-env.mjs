// Fills in what the app needs to run on one machine with no configuration: a data
// folder, an SQLite database in it, and secrets generated once into data/secrets.json
// (mode 0600). Anything already set in the environment wins, which is how production
// passes its own secrets and DATABASE_URL.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const SECRET_NAMES = ["NEXTAUTH_SECRET", "FIELD_ENCRYPTION_KEYS", "BLIND_INDEX_KEY", "AUDIT_CHECKPOINT_KEY"];

export function generateSecrets() {
  return {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    FIELD_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
    BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
    AUDIT_CHECKPOINT_KEY: randomBytes(32).toString("base64"),
  };
}

export function loadLocalEnv({ quiet = false } = {}) {
  const dataDir = resolve(process.env.DATA_DIR ?? "./data");
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  process.env.DATABASE_URL ??= `file:${join(dataDir, "app.db")}`;
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
  for (const n of missing) if (secrets[n]) process.env[n] = secrets[n];
  return { dataDir, created };
}
