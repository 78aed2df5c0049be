import pg from "pg";
import { describe, expect, it } from "vitest";
import { dialect } from "@/lib/server/db";
import { env } from "@/lib/env";
import { analyseTablesWithoutStatistics } from "@/lib/server/pg-statistics";

// A table that holds rows but was never analysed is planned from defaults (docs/decisions/702).
// The probe runs in a schema of its own (search_path on its own pool), so the shared test
// database's tables are neither listed nor touched.
describe.runIf(dialect() === "postgresql")("planner statistics at start-up (PostgreSQL)", () => {
  it("analyses a table with rows and no statistics, once; an empty table is left alone", async () => {
    const schema = `zz_stats_${process.pid}`;
    const url = env().DATABASE_URL.replace(/\?.*$/, "");
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    const pool = new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${schema}` });
    try {
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.query(`CREATE TABLE ${schema}."Loaded" AS SELECT g AS "id", md5(g::text) AS "v" FROM generate_series(1, 5000) g`);
      await admin.query(`CREATE TABLE ${schema}."Empty" ("id" int)`);
      const statsRows = async () => Number((await admin.query(`SELECT count(*) AS n FROM pg_stats WHERE schemaname = $1 AND tablename = 'Loaded'`, [schema])).rows[0].n);
      expect(await statsRows()).toBe(0);

      const first = await analyseTablesWithoutStatistics(pool);
      expect(first.analysed).toEqual(["Loaded"]);
      expect(typeof first.autovacuum).toBe("boolean");
      expect(await statsRows(), "one row of statistics per column").toBe(2);

      const second = await analyseTablesWithoutStatistics(pool);
      expect(second.analysed, "a table with statistics is not analysed again").toEqual([]);
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await Promise.all([admin.end(), pool.end()]);
    }
  });
});
