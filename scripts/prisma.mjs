#!/usr/bin/env node
// Runs the Prisma CLI without ever downloading a native engine (docs/decisions/002).
//   generate                 write the PostgreSQL schema copy, generate both clients
//   migrate                  apply committed migrations to DATABASE_URL's dialect
//   status                   migrate status for DATABASE_URL's dialect
//   new-migration <name>     write the SQL of a new migration for BOTH dialects by
//                            diffing the last migrated schema against prisma/schema.prisma
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const prismaDir = join(root, "prisma");
// Schemas are folders: one file per area, base.prisma holds the generator and datasource.
const SOURCE = join(prismaDir, "schema");
const PG_SCHEMA = join(prismaDir, "postgresql", "schema");
// The schema as of the last migration, so the next migration is a diff against it.
const SNAPSHOT = join(prismaDir, "snapshot");

// The CLI skips its engine download when these name existing files. The placeholder is
// never executed: engine "js" in the configs uses the WASM schema engine.
const placeholder = join(root, "node_modules", ".prisma-engine-placeholder");
function engineEnv(extra = {}) {
  if (!existsSync(placeholder)) {
    mkdirSync(dirname(placeholder), { recursive: true });
    writeFileSync(placeholder, "placeholder: see scripts/prisma.mjs\n");
  }
  return {
    ...process.env,
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    ...extra,
  };
}

export function toPostgres(base) {
  return base
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = env("DATABASE_URL")')
    .replace('output     = "../../generated/prisma"', 'output     = "../../../generated/prisma-pg"')
    .replace(/^\/\/ The source schema[\s\S]*?\n\n/m, "// GENERATED from prisma/schema/ by scripts/prisma.mjs. Do not edit.\n\n");
}

/** Copies a schema folder, turning its base.prisma into the PostgreSQL variant when asked. */
function copySchema(from, to, pg) {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from).filter((n) => n.endsWith(".prisma"))) {
    const text = readFileSync(join(from, f), "utf8");
    writeFileSync(join(to, f), pg && f === "base.prisma" ? toPostgres(text) : text);
  }
}

function writePgSchema() {
  copySchema(SOURCE, PG_SCHEMA, true);
}

function prisma(args, env, opts = {}) {
  const bin = join(root, "node_modules", "prisma", "build", "index.js");
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, env, stdio: opts.capture ? ["ignore", "pipe", "inherit"] : "inherit", encoding: "utf8" });
  if (r.status !== 0) {
    console.error(`prisma ${args.join(" ")} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
  return r.stdout;
}

// WAL lets readers run while a write commits and halves the fsyncs per commit; the
// setting is stored in the database file, so setting it once here covers every process.
// synchronous stays FULL: a committed consent or audit event survives a power cut.
async function useWal(file) {
  const { default: Database } = await import("better-sqlite3");
  const conn = new Database(file);
  try {
    conn.pragma("journal_mode = WAL");
  } finally {
    conn.close();
  }
}

function dialectOf(url) {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

export function defaultDatabaseUrl() {
  const dataDir = process.env.DATA_DIR ?? "./data";
  return `file:${dataDir.replace(/\/$/, "")}/app.db`;
}

const [cmd, ...rest] = process.argv.slice(2);
const url = process.env.DATABASE_URL ?? defaultDatabaseUrl();

if (cmd === "generate") {
  writePgSchema();
  prisma(["generate", "--config", "prisma/sqlite.config.ts"], engineEnv({ DATABASE_URL: "file:./data/app.db" }));
  prisma(["generate", "--config", "prisma/postgresql.config.ts"], engineEnv({ DATABASE_URL: "postgresql://localhost/unused" }));
} else if (cmd === "migrate" || cmd === "status") {
  writePgSchema();
  const dialect = dialectOf(url);
  if (dialect === "sqlite") {
    const file = url.slice("file:".length);
    mkdirSync(dirname(resolve(root, file)), { recursive: true });
  }
  prisma(["migrate", cmd === "migrate" ? "deploy" : "status", "--config", `prisma/${dialect}.config.ts`], engineEnv({ DATABASE_URL: url }));
  if (dialect === "sqlite" && cmd === "migrate") await useWal(resolve(root, url.slice("file:".length)));
} else if (cmd === "new-migration") {
  const name = rest[0];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run db:migration -- <name in snake_case>");
    process.exit(2);
  }
  writePgSchema();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const from = existsSync(SNAPSHOT) ? ["--from-schema-datamodel", SNAPSHOT] : ["--from-empty"];
  const tmpFrom = join(root, "node_modules", ".snapshot-pg");
  if (existsSync(SNAPSHOT)) copySchema(SNAPSHOT, tmpFrom, true);
  const pgFrom = existsSync(SNAPSHOT) ? ["--from-schema-datamodel", tmpFrom] : ["--from-empty"];
  const targets = [
    { dialect: "sqlite", dir: join(prismaDir, "migrations"), from, to: SOURCE, url: "file:./node_modules/.prisma-diff.db" },
    { dialect: "postgresql", dir: join(prismaDir, "postgresql", "migrations"), from: pgFrom, to: PG_SCHEMA, url: process.env.PG_DIFF_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
  ];
  // Diff both dialects first and write nothing unless both succeed.
  for (const t of targets) {
    t.sql = prisma(["migrate", "diff", ...t.from, "--to-schema-datamodel", t.to, "--script", "--config", `prisma/${t.dialect}.config.ts`], engineEnv({ DATABASE_URL: t.url }), { capture: true });
  }
  for (const t of targets) {
    const sql = t.sql;
    if (/^-- This is an empty migration/m.test(sql) || !sql.trim()) {
      console.log(`${t.dialect}: no changes`);
      continue;
    }
    const dir = join(t.dir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql);
    const lock = join(t.dir, "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, `# Do not edit by hand.\nprovider = "${t.dialect}"\n`);
    console.log(`${t.dialect}: wrote ${dir}/migration.sql`);
  }
  copySchema(SOURCE, SNAPSHOT, false);
} else {
  console.error("usage: node scripts/prisma.mjs generate | migrate | status | new-migration <name>");
  process.exit(2);
}
