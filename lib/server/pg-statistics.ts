import "server-only";
// PostgreSQL plans every statement from the statistics ANALYZE gathers. A table that holds
// rows but was never analysed (a bulk load, a pg_restore, a server whose autovacuum is off)
// is planned from defaults: the consent ingest's subject read became a hash join over every
// consent state, 127 ms per batch of 100 at 700k states instead of under 1 ms, and batch
// ingest fell from ~15,000 to ~2,400 events/s (docs/decisions/702). So at start-up the
// server analyses the tables that have rows and no statistics, and says so when autovacuum
// is off (nothing will keep the statistics current).
import type pg from "pg";
import { db, pgPool } from "@/lib/server/db";
import { log } from "@/lib/server/log";

/**
 * Tables of the app's schema that occupy pages and have no column statistics. The file size,
 * not reltuples / relpages: those are -1 / 0 until the first VACUUM or ANALYZE.
 */
const UNANALYSED = `SELECT c."relname" AS "name" FROM pg_class c
  WHERE c."relnamespace" = current_schema()::regnamespace AND c."relkind" = 'r'
    AND pg_relation_size(c."oid") > 0
    AND NOT EXISTS (SELECT 1 FROM pg_statistic s WHERE s."starelid" = c."oid")
  ORDER BY pg_relation_size(c."oid") DESC`;

export type StatisticsReport = { autovacuum: boolean; analysed: string[] };

export async function analyseTablesWithoutStatistics(pool: pg.Pool): Promise<StatisticsReport> {
  const conn = await pool.connect();
  try {
    const autovacuum = (await conn.query<{ autovacuum: string }>("SHOW autovacuum")).rows[0]?.autovacuum === "on";
    const tables = (await conn.query<{ name: string }>(UNANALYSED)).rows.map((r) => r.name);
    // Names come from the catalogue, not from input; escapeIdentifier quotes them anyway.
    // ANALYZE samples (300 x default_statistics_target rows), so a large table costs seconds, not minutes.
    for (const name of tables) await conn.query(`ANALYZE ${conn.escapeIdentifier(name)}`);
    return { autovacuum, analysed: tables };
  } finally {
    conn.release();
  }
}

/** Start-up (instrumentation.ts): analyse what lacks statistics, log what was done and a warning when autovacuum is off. */
export async function ensurePlannerStatistics(): Promise<StatisticsReport | null> {
  await db().$connect();
  const pool = pgPool();
  if (!pool) return null;
  const t0 = performance.now();
  const report = await analyseTablesWithoutStatistics(pool);
  if (report.analysed.length) log().info({ tables: report.analysed, ms: Math.round(performance.now() - t0) }, "analysed tables that had no planner statistics");
  if (!report.autovacuum) log().warn("autovacuum is off on this PostgreSQL server: planner statistics will go stale as tables grow; turn it on, or run ANALYZE after bulk changes");
  return report;
}
