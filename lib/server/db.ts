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

export function createClient(url: string): Db {
  if (databaseDialect(url) === "sqlite") {
    // busy timeout: the admin CLI and the server may write at the same moment.
    return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
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
