// Runs once when the server starts: validate the environment so a missing or malformed
// variable stops the server with a message naming it, instead of failing on first use;
// on SQLite, start the WAL checkpointer thread; then start the background job clock (jobs
// run under database leases, so several instances are safe).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    env();
    // SQLite: WAL checkpoints on a worker thread, not inside a request's commit
    // (lib/server/sqlite-checkpointer.ts, docs/decisions/202).
    const { db, dialect, sqliteHandle } = await import("@/lib/server/db");
    if (dialect() === "sqlite" && process.env.SQLITE_BACKGROUND_CHECKPOINT !== "0") {
      await db().$connect();
      const handle = sqliteHandle();
      if (handle) (await import("@/lib/server/sqlite-checkpointer")).startWalCheckpointer(handle.name);
    }
    if (process.env.DISABLE_JOBS !== "1") {
      await import("@/lib/server/jobs/all-jobs");
      const { startScheduler } = await import("@/lib/server/jobs/scheduler");
      startScheduler();
    }
  }
}
