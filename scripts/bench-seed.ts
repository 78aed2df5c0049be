// The standard benchmark dataset (issue 14, docs/decisions/700), as a command:
//   npm run bench:seed -- --scale 1 [--url URL] [--dialect sqlite|postgresql]
// Without --url: SQLite creates data/bench/standard-<scale>.db (replacing an old one);
// --dialect postgresql creates a fresh database oversight_bench_<scale with _> on
// PG_BENCH_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres). It migrates,
// seeds (scripts/bench/seed), and writes <name>.env (the secrets used, so a server can be
// started on the data) and <name>.manifest.json next to the SQLite file, or in data/bench/.
// With --url the database must be empty (it is migrated first); the secrets come from the
// environment when all are set there, and are generated otherwise.
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { parseArgs } from "./cli-args";
import { generateSecrets, generateSigningKeyPem, SECRET_NAMES } from "./local-env.mjs";
import { createPgDatabase, migrate, sqliteDatabase } from "./harness/databases.mjs";

const argsSchema = z.object({
  scale: z.coerce.number().positive().max(100).default(1),
  url: z.string().min(1).optional(),
  dialect: z.enum(["sqlite", "postgresql"]).default("sqlite"),
}).strict();
const parsed = argsSchema.safeParse(parseArgs(process.argv.slice(2)));
if (!parsed.success) {
  console.error(`bench:seed: ${parsed.error.issues.map((i) => `${i.path.join(".") || "arguments"}: ${i.message}`).join("; ")}\nusage: npm run bench:seed -- --scale 1 [--url URL] [--dialect sqlite|postgresql]`);
  process.exit(2);
}
const { scale, dialect } = parsed.data;
const dir = resolve("data/bench");
mkdirSync(dir, { recursive: true });
const tag = String(scale).replace(/\./g, "_");

const secrets = SECRET_NAMES.every((k) => process.env[k]) && process.env.AUDIT_SIGNING_KEY ? {} : { ...generateSecrets(), AUDIT_SIGNING_KEY: generateSigningKeyPem() };
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production", ...secrets });

async function freshPostgres(): Promise<{ url: string; base: string }> {
  const adminUrl = process.env.PG_BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `oversight_bench_${tag}`;
  const { url } = await createPgDatabase(name, { adminUrl, replace: true });
  return { url, base: resolve(dir, name) };
}

function freshSqlite(): { url: string; base: string } {
  const file = resolve(dir, `standard-${scale}.db`);
  return { url: sqliteDatabase(file).url, base: file.replace(/\.db$/, "") };
}

const target = parsed.data.url
  ? { url: parsed.data.url, base: resolve(dir, `standard-${tag}-${parsed.data.url.startsWith("file:") ? "sqlite" : "postgresql"}`) }
  : dialect === "postgresql"
    ? await freshPostgres()
    : freshSqlite();
// Applies what is missing (migrate deploy): a no-op on a database that is already migrated.
migrate(target.url);

const { seedStandardDataset } = await import("./bench/seed");
const manifest = await seedStandardDataset({ url: target.url, scale, log: (s) => console.log(`  ${s}`) });
const envLines = { DATABASE_URL: target.url, ...Object.fromEntries(SECRET_NAMES.map((k) => [k, process.env[k]!])), AUDIT_SIGNING_KEY: process.env.AUDIT_SIGNING_KEY! };
writeFileSync(`${target.base}.env`, Object.entries(envLines).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join("\n") + "\n", { mode: 0o600 });
writeFileSync(`${target.base}.manifest.json`, JSON.stringify(manifest, null, 2) + "\n", { mode: 0o600 });
console.log(`standard dataset at scale ${scale} on ${manifest.dialect} (${target.url.replace(/\/\/[^@]*@/, "//")}) in ${manifest.seconds} s:`);
for (const [table, n] of Object.entries(manifest.counts)) console.log(`  ${table.padEnd(24)} ${n.toLocaleString("en-US").padStart(12)}`);
console.log(`secrets: ${target.base}.env · manifest (logins, API key): ${target.base}.manifest.json`);
