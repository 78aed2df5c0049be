// The job clock's first tick runs the daily posture snapshot 10 s after the server starts;
// its audit-log control test verifies the whole log in the server (5-9 s of CPU at 1M
// events, yielding between pages), and alert evaluation runs beside it. Measured through
// that, the first figures were the job's, not the path's (p99 983 ms at 200 single events/s
// on PostgreSQL against 14 ms once it had finished), so the benchmark waits for today's
// snapshot to be written before it measures, and reports how long that took.
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";

const today = () => new Date().toISOString().slice(0, 10);
const SQL = `SELECT COUNT(*) AS "n" FROM "PostureSnapshot" WHERE "day" = $1 AND "seeded" = false`;

async function taken(url: string, dialect: "sqlite" | "postgresql"): Promise<boolean> {
  if (dialect === "sqlite") {
    const db = new BetterSqlite3(url.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
    try {
      return Number((db.prepare(SQL.replace("$1", "?")).get(today()) as { n: number }).n) > 0;
    } finally {
      db.close();
    }
  }
  const c = new pg.Client({ connectionString: url.replace(/\?.*$/, "") });
  await c.connect();
  try {
    return Number((await c.query<{ n: string }>(SQL, [today()])).rows[0]?.n ?? 0) > 0;
  } finally {
    await c.end();
  }
}

/** Seconds from now until today's real snapshot exists (polled every 500 ms), or null after `timeoutMs`. */
export async function waitForStartupJobs(url: string, dialect: "sqlite" | "postgresql", timeoutMs = 180_000): Promise<number | null> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (await taken(url, dialect)) {
      // The snapshot row is written at the end of the job's transaction; alert evaluation
      // runs in the same tick after it: a moment more for that.
      await new Promise((r) => setTimeout(r, 2000));
      return (performance.now() - t0) / 1000;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return null;
}
