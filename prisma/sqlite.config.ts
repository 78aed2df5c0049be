// Prisma CLI config for the embedded SQLite database. `engine: "js"` makes the CLI use
// its WASM schema engine through the driver adapter, so no native engine is downloaded
// (docs/decisions/002-two-dialects.md). Run through scripts/prisma.mjs, which sets the
// engine placeholders and DATABASE_URL.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema",
  migrations: { path: "migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/app.db" }),
});
