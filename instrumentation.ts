// Runs once when the server starts: validate the environment so a missing or malformed
// variable stops the server with a message naming it, instead of failing on first use;
// then start the background job clock (jobs run under database leases, so several
// instances are safe).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    env();
    if (process.env.DISABLE_JOBS !== "1") {
      await import("@/lib/server/jobs/all-jobs");
      const { startScheduler } = await import("@/lib/server/jobs/scheduler");
      startScheduler();
    }
  }
}
