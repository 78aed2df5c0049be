import "server-only";
// The in-process clock for background jobs. Every instance runs this timer; each job
// runs under a database lease (runExclusive), so with several instances only one runs a
// given job at a time, and a crashed instance's lease simply expires.
import { runExclusive } from "@/lib/server/jobs/lease";
import { log } from "@/lib/server/log";
import { recordJobRun } from "@/lib/server/metrics/metrics";

export type ScheduledJob = { name: string; everyMs: number; run: () => Promise<unknown>; selfLeased?: boolean };

const jobs: ScheduledJob[] = [];
let timer: NodeJS.Timeout | undefined;

/** Areas register their jobs at import time (see lib/server/jobs/all-jobs.ts). */
export function registerJob(job: ScheduledJob) {
  if (!jobs.some((j) => j.name === job.name)) jobs.push(job);
}

const lastRun = new Map<string, number>();


export async function tick(now = Date.now()) {
  for (const job of jobs) {
    if (now - (lastRun.get(job.name) ?? 0) < job.everyMs) continue;
    lastRun.set(job.name, now);
    try {
      // The lease outlives a slow run by a margin so a second instance does not start it.
      if (job.selfLeased) await job.run();
      // Another instance holds the lease: not a run here.
      else if (!(await runExclusive(job.name, Math.max(job.everyMs, 60_000) * 2, job.run))) continue;
      recordJobRun(job.name, true);
    } catch (e) {
      recordJobRun(job.name, false);
      log().error({ job: job.name, err: e }, "job failed");
    }
  }
}

export function startScheduler(intervalMs = 10_000) {
  if (timer) return;
  timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
}

export function registeredJobs(): readonly ScheduledJob[] {
  return jobs;
}
