import "server-only";
// The only module that constructs a database client. The dialect comes from the
// DATABASE_URL scheme; both generated clients have the same model API, so the rest of
// the code is written once against the SQLite client's types (docs/decisions/002).
import { PrismaClient } from "@/generated/prisma/client";
import type { Prisma } from "@/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/generated/prisma-pg/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { databaseDialect, env } from "@/lib/env";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

const globalForDb = globalThis as unknown as { __db?: { url: string; client: Db; sqlite?: DurableSqlite; pool?: pg.Pool } };

/**
 * PostgreSQL connections per app instance (PG_POOL_MAX, default 10), shared by Prisma and
 * the driver hot paths (lib/server/consent/ingest-postgres.ts): one pool, so the instance
 * never holds more than this many connections. Two instances on one server need 2x this
 * below the server's max_connections (100 by default).
 */
export const PG_POOL_MAX = Number(process.env.PG_POOL_MAX ?? 10);
/**
 * statement_timeout on every PostgreSQL connection (PG_STATEMENT_TIMEOUT_MS, default 15 s):
 * a runaway query (an export over a huge table, a lock wait behind a stuck transaction)
 * fails instead of holding a pooled connection indefinitely. Exports stream in pages, so
 * no single statement of the app should come near it.
 */
export const PG_STATEMENT_TIMEOUT_MS = Number(process.env.PG_STATEMENT_TIMEOUT_MS ?? 15_000);

/** Pages (4 KiB) of WAL after which a commit copies it back into the database file. */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;
/** After a burst, a restarted WAL file is cut back to this size. */
export const WAL_SIZE_LIMIT_BYTES = WAL_AUTOCHECKPOINT_PAGES * 4096;
/** Reads of the first 256 MiB of the database file through a memory map (docs/decisions/203). */
export const MMAP_SIZE_BYTES = 256 * 1024 * 1024;

/**
 * The settings every SQLite connection of the app gets (the benchmark's raw baseline too,
 * so the two are compared alike). The file is in WAL mode (set by the migrate step);
 * better-sqlite3 is compiled to default to synchronous=NORMAL under WAL, which can lose the
 * last commits on a power cut, so every connection asks for FULL: a committed consent,
 * audit or review record is on disk.
 */
export function applySqliteSettings(raw: BetterSqlite3.Database) {
  raw.pragma(`synchronous = ${sqliteSynchronous()}`);
  raw.pragma("foreign_keys = ON");
  // Savepoints (Prisma's nested transactions, the consent group commit) journal every
  // page they touch; in memory, not in a temporary file.
  raw.pragma("temp_store = MEMORY");
  // Checkpoint the WAL every ~40 MB rather than every ~4 MB: index pages that several
  // commits touch are copied back to the database once, not once per checkpoint, which
  // made the checkpoint the largest cost of a busy ingest (docs/decisions/202).
  raw.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  raw.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  // Page reads from the map instead of a read() call and a copy each: +4-8% batch ingest
  // with 400k events loaded, in 4 of 4 paired runs. SQLite still writes through the WAL
  // with write() and fsync, so durability is unchanged; the known cost is that an I/O error
  // while reading the mapped file is a signal, not an error code.
  raw.pragma(`mmap_size = ${MMAP_SIZE_BYTES}`);
}

/**
 * FULL, except for the database test suite's throw-away files: NODE_ENV=test together with
 * TEST_FAST_COMMIT=1 (set only by tests/support/db-global-setup.ts) commits without waiting
 * for the disk, which was a quarter of the suite's time (docs/decisions/017). What the
 * tests check (rows, races, refusals) does not depend on a power cut; durability is the
 * crash harness's job, and it runs the production server with FULL.
 */
export function sqliteSynchronous(): "FULL" | "NORMAL" {
  return process.env.NODE_ENV === "test" && process.env.TEST_FAST_COMMIT === "1" ? "NORMAL" : "FULL";
}

/** The SQLite adapter with the connection settings this app relies on (applySqliteSettings). */
class DurableSqlite extends PrismaBetterSQLite3 {
  /** The connection Prisma uses (set once connected); see sqliteHandle(). */
  handle: BetterSqlite3.Database | null = null;

  override async connect() {
    const adapter = await super.connect();
    // The adapter keeps the better-sqlite3 handle on `client` (untyped in its d.ts).
    const raw = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
    if (raw) {
      applySqliteSettings(raw);
      // The adapter opens transactions with a deferred BEGIN. Under WAL, a deferred
      // transaction that reads and then writes fails at once ("database is locked") if
      // another process (the admin CLI, a second instance) committed in between; the busy
      // timeout does not apply to that case. BEGIN IMMEDIATE takes the write lock up front
      // and waits for it, which is what a single-writer database wants anyway.
      const prepare = raw.prepare.bind(raw);
      raw.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof raw.prepare;
    }
    this.handle = raw ?? null;
    return adapter;
  }
}

/**
 * Interactive transactions' limits for every $transaction that does not set its own. Prisma's
 * defaults (2 s to start, 5 s to finish) were exceeded by an ordinary incident creation on a
 * loaded 2-core machine, which then answered "something went wrong"; a transaction that
 * still runs past these is rolled back and answered as busy (lib/errors.ts isTransientDbError).
 */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

export function createClient(url: string): Db {
  return createClientWithAdapter(url).client;
}

function createClientWithAdapter(url: string): { client: Db; sqlite?: DurableSqlite; pool?: pg.Pool } {
  if (databaseDialect(url) === "sqlite") {
    // busy timeout: the admin CLI and the server may write at the same moment.
    const sqlite = new DurableSqlite({ url, timeout: 5000 });
    return { client: new PrismaClient({ adapter: sqlite, transactionOptions: TX_OPTIONS }), sqlite };
  }
  const pool = new pg.Pool({ connectionString: url, max: PG_POOL_MAX, statement_timeout: PG_STATEMENT_TIMEOUT_MS, idleTimeoutMillis: 30_000 });
  // An idle client's connection dropping (server restart) must not crash the process.
  pool.on("error", () => {});
  const client = new PgPrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TX_OPTIONS });
  return { client: client as unknown as Db, pool };
}

export function db(): Db {
  const url = env().DATABASE_URL;
  if (!globalForDb.__db || globalForDb.__db.url !== url) {
    globalForDb.__db = { url, ...createClientWithAdapter(url) };
  }
  return globalForDb.__db.client;
}

/**
 * The better-sqlite3 connection the shared client (db()) uses, for a synchronous hot path
 * that must serialise with Prisma's own transactions on the same connection
 * (docs/decisions/200). Null on PostgreSQL, before the client has connected, or after it
 * closed. Callers must never await while they hold a transaction on it, and must not start
 * one while `handle.inTransaction` is true (a Prisma interactive transaction is open: a
 * nested better-sqlite3 transaction would become a savepoint inside it).
 */
export function sqliteHandle(): BetterSqlite3.Database | null {
  const h = globalForDb.__db?.url === env().DATABASE_URL ? globalForDb.__db.sqlite?.handle : null;
  return h && h.open ? h : null;
}

/**
 * The pg pool the shared client (db()) uses, for the PostgreSQL driver hot paths
 * (docs/decisions/204). Null on SQLite.
 */
export function pgPool(): pg.Pool | null {
  db();
  return globalForDb.__db?.pool ?? null;
}

export function dialect(): "sqlite" | "postgresql" {
  return databaseDialect(env().DATABASE_URL);
}

/** Closes the shared client (CLI and tests). */
export async function disconnectDb() {
  if (globalForDb.__db) {
    const { client, pool } = globalForDb.__db;
    globalForDb.__db = undefined;
    await client.$disconnect();
    if (pool) await pool.end().catch(() => {});
  }
}
