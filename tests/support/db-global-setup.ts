// Creates a fresh, migrated database for this run in the dialect named by TEST_DIALECT
// (sqlite by default; scripts/test.mjs runs the suite once per dialect), using the same
// migrate command as production.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { PG_ADMIN_URL, testSecrets } from "./test-env";

declare module "vitest" {
  export interface ProvidedContext {
    testEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const dialect = process.env.TEST_DIALECT ?? "sqlite";
  const stamp = `${Date.now()}_${process.pid}`;
  let url: string;
  let cleanup: () => Promise<void>;
  if (dialect === "postgresql") {
    const dbName = `oversight_test_${stamp}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const u = new URL(PG_ADMIN_URL);
    u.pathname = `/${dbName}`;
    url = u.toString();
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = resolve("data/test");
    mkdirSync(dir, { recursive: true });
    const file = resolve(dir, `db_${stamp}.db`);
    url = `file:${file}`;
    cleanup = async () => {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
    };
  }
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  project.provide("testEnv", { DATABASE_URL: url, NODE_ENV: "test", ...testSecrets() });
  return cleanup;
}
