// Prisma CLI config for PostgreSQL. The schema here is generated from prisma/schema.prisma
// by scripts/prisma.mjs (provider swapped).
//
// Work-around for prisma/orm#27403: @prisma/adapter-pg 6.19 refuses the catalog column
// types `name` (OID 19) and `"char"` (OID 18) and their arrays, which the schema engine
// reads during migrate. Reporting them as text/text[] is lossless for those queries.
// Only the CLI needs this; the running app never reads catalog tables.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const REMAP: Record<number, number> = { 19: 25, 18: 25, 1003: 1009, 1002: 1009 };
type Field = { dataTypeID: number };
type Queryish = (...args: unknown[]) => unknown;

function remapFields(result: unknown) {
  const fields = (result as { fields?: Field[] } | null)?.fields;
  if (Array.isArray(fields)) for (const f of fields) f.dataTypeID = REMAP[f.dataTypeID] ?? f.dataTypeID;
  return result;
}

// pg.Pool#query (used outside transactions) and pg.Client#query (inside them) both
// return a promise when called without a callback, as the adapter does.
for (const cls of [pg.Client, pg.Pool]) {
  const proto = cls.prototype as unknown as { query: Queryish; __remapped?: boolean };
  if (proto.__remapped) continue;
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const out = original.apply(this, args);
    return out instanceof Promise ? out.then(remapFields) : out;
  };
  proto.__remapped = true;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "postgresql/schema",
  migrations: { path: "postgresql/migrations" },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
