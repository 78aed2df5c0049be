// Scratch databases for tests, harnesses and benchmarks: a new PostgreSQL database on an
// admin connection, or an SQLite file, each with the drop that removes it again, and the
// migrate step production uses. The one place that creates and removes them, so that a
// change (a setting for scratch databases, where the files go) is made once.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import pg from "pg";

/** The PostgreSQL server the tests and harnesses use (trust auth on the machine's own server). */
export const PG_ADMIN_URL = process.env.PG_TEST_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

async function onAdmin(adminUrl, sql) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    for (const s of [sql].flat()) await c.query(s);
  } finally {
    await c.end();
  }
}

/**
 * Creates the PostgreSQL database `name` (an identifier made by the caller, never input) on
 * `adminUrl`, replacing one of that name when `replace`. `settings` are per-database
 * defaults (ALTER DATABASE … SET), for example `{ synchronous_commit: "off" }`.
 */
export async function createPgDatabase(name, { adminUrl = PG_ADMIN_URL, replace = false, settings = {} } = {}) {
  if (!/^\w+$/.test(name)) throw new Error(`not a database name: ${name}`);
  const statements = [
    ...(replace ? [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`] : []),
    `CREATE DATABASE "${name}"`,
    ...Object.entries(settings).map(([k, v]) => `ALTER DATABASE "${name}" SET ${k} = ${v}`),
  ];
  await onAdmin(adminUrl, statements);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => onAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** Removes an SQLite file with its WAL, shared-memory and rollback journal. */
export function removeSqliteFile(file) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}

/** An SQLite database at `file` (its folder created, an earlier file there removed). */
export function sqliteDatabase(file) {
  mkdirSync(dirname(file), { recursive: true });
  removeSqliteFile(file);
  return { url: `file:${file}`, drop: async () => removeSqliteFile(file) };
}

/** Applies every migration to `url` with the command production uses (`scripts/prisma.mjs migrate`). */
export function migrate(url, { env = process.env, cwd } = {}) {
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate"], { env: { ...env, DATABASE_URL: url }, stdio: "pipe", ...(cwd ? { cwd } : {}) });
}

/** Migrates a just-created database, or drops it again and says why the migration failed. */
export async function migrateOrDrop(database, { env, label = "the database" } = {}) {
  try {
    migrate(database.url, { env });
  } catch (e) {
    await database.drop();
    throw new Error(`migrate failed on ${label}: ${e.stderr?.toString() || e.message}`);
  }
  return database;
}

/**
 * A new, migrated database of `dialect`: PostgreSQL database `name` on `adminUrl`, or the
 * SQLite file `file`. Returns its URL and the drop that removes it.
 */
export async function freshDatabase({ dialect, name, file, adminUrl = PG_ADMIN_URL, settings, env }) {
  const created = dialect === "postgresql" ? await createPgDatabase(name, { adminUrl, settings }) : sqliteDatabase(file);
  return migrateOrDrop(created, { env, label: dialect });
}
