// Creates a fresh, migrated database for this run in the dialect named by TEST_DIALECT
// (sqlite by default; scripts/test.mjs runs the suite once per dialect), using the same
// migrate command as production.
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { freshDatabase } from "../../scripts/harness/databases.mjs";
import { PG_ADMIN_URL, testSecrets } from "./test-env";

declare module "vitest" {
  export interface ProvidedContext {
    testEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const dialect = process.env.TEST_DIALECT === "postgresql" ? "postgresql" : "sqlite";
  const stamp = `${Date.now()}_${process.pid}`;
  // A throw-away database: commits need not wait for the WAL flush (docs/decisions/017).
  const { url, drop } = await freshDatabase({ dialect, name: `oversight_test_${stamp}`, file: resolve("data/test", `db_${stamp}.db`), adminUrl: PG_ADMIN_URL, settings: { synchronous_commit: "off" } });
  project.provide("testEnv", { DATABASE_URL: url, NODE_ENV: "test", TEST_FAST_COMMIT: "1", ...testSecrets() });
  return drop;
}
