import "server-only";
// The only module that constructs a database client. The dialect comes from the
// DATABASE_URL scheme; both generated clients have the same model API, so the rest of
// the code is written once against the SQLite client's types (docs/decisions/002).
import { PrismaClient } from "@/generated/prisma/client";
import type { Prisma } from "@/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/generated/prisma-pg/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseDialect, env } from "@/lib/env";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

const globalForDb = globalThis as unknown as { __db?: { url: string; client: Db } };

/**
 * The SQLite adapter with the connection settings this app relies on. The database file
 * is in WAL mode (set by the migrate step); better-sqlite3 is compiled to default to
 * synchronous=NORMAL under WAL, which can lose the last commits on a power cut, so every
 * connection asks for FULL: a committed consent, audit or review record is on disk.
 */
class DurableSqlite extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    // The adapter keeps the better-sqlite3 handle on `client` (untyped in its d.ts).
    const raw = (adapter as unknown as { client?: { pragma(sql: string): unknown; prepare(sql: string): unknown } }).client;
    if (raw) {
      raw.pragma("synchronous = FULL");
      raw.pragma("foreign_keys = ON");
      // The adapter opens transactions with a deferred BEGIN. Under WAL, a deferred
      // transaction that reads and then writes fails at once ("database is locked") if
      // another process (the admin CLI, a second instance) committed in between; the busy
      // timeout does not apply to that case. BEGIN IMMEDIATE takes the write lock up front
      // and waits for it, which is what a single-writer database wants anyway.
      const prepare = raw.prepare.bind(raw);
      raw.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    }
    return adapter;
  }
}

export function createClient(url: string): Db {
  if (databaseDialect(url) === "sqlite") {
    // busy timeout: the admin CLI and the server may write at the same moment.
    return new PrismaClient({ adapter: new DurableSqlite({ url, timeout: 5000 }) });
  }
  const client = new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  return client as unknown as Db;
}

export function db(): Db {
  const url = env().DATABASE_URL;
  if (!globalForDb.__db || globalForDb.__db.url !== url) {
    globalForDb.__db = { url, client: createClient(url) };
  }
  return globalForDb.__db.client;
}

export function dialect(): "sqlite" | "postgresql" {
  return databaseDialect(env().DATABASE_URL);
}

/** Closes the shared client (CLI and tests). */
export async function disconnectDb() {
  if (globalForDb.__db) {
    await globalForDb.__db.client.$disconnect();
    globalForDb.__db = undefined;
  }
}
