// Runs once when the server starts: validate the environment so a missing or malformed
// variable stops the server with a message naming it, instead of failing on first use;
// on SQLite, start the WAL checkpointer thread; then start the background job clock (jobs
// run under database leases, so several instances are safe) and the audit log's sealer.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    env();
    // The audit signing key must load before anything is served (a clear message if not).
    (await import("@/lib/server/keys")).auditSigner();
    // SQLite: WAL checkpoints on a worker thread, not inside a request's commit
    // (lib/server/sqlite-checkpointer.ts, docs/decisions/202).
    const { db, dialect, sqliteHandle } = await import("@/lib/server/db");
    if (dialect() === "sqlite" && process.env.SQLITE_BACKGROUND_CHECKPOINT !== "0") {
      await db().$connect();
      const handle = sqliteHandle();
      if (handle) (await import("@/lib/server/sqlite-checkpointer")).startWalCheckpointer(handle.name);
    }
    // The consent hot paths' hand-written SQL against the live schema (docs/decisions/204).
    await (await import("@/lib/server/consent/hot-path")).consentHotPathSelfCheck();
    // PostgreSQL: tables holding rows but no planner statistics are analysed before the
    // first request (docs/decisions/702); autovacuum off is worth a warning.
    if (dialect() === "postgresql") await (await import("@/lib/server/pg-statistics")).ensurePlannerStatistics();
    // The audit log's sealer (docs/decisions/005): one instance at a time, under a lease.
    // On SIGTERM/SIGINT it seals what is committed and signs a shutdown head. scripts/
    // start.mjs sets NEXT_MANUAL_SIG_HANDLE so this handler, not Next's, ends the process
    // (Next's would exit before the head is written).
    if (process.env.AUDIT_SEALER !== "0") {
      const { startSealer, stopSealer } = await import("@/lib/server/audit/sealer");
      startSealer();
      for (const [sig, code] of [["SIGTERM", 143], ["SIGINT", 130]] as const) {
        process.once(sig, () => {
          const timeout = setTimeout(() => process.exit(code), 10_000);
          void stopSealer()
            .catch((e) => console.error("audit sealer: could not sign the shutdown head", e))
            .finally(() => {
              clearTimeout(timeout);
              if (process.env.NEXT_MANUAL_SIG_HANDLE) process.exit(code);
            });
        });
      }
    }
    if (process.env.DISABLE_JOBS !== "1") {
      await import("@/lib/server/jobs/all-jobs");
      const { startScheduler } = await import("@/lib/server/jobs/scheduler");
      startScheduler();
    }
  }
}
