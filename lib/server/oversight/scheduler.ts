import "server-only";
// When to try the oversight jobs in this process. The database lease (runExclusive)
// decides who runs; this timer only wakes instances up, so losing it loses nothing.
import { deliverDueCallbacks } from "@/lib/server/oversight/callbacks";
import { runSlaSweep } from "@/lib/server/oversight/sla";

const g = globalThis as unknown as { __oversightTimer?: ReturnType<typeof setInterval> };
const EVERY_MS = 10_000;

export function kickOversightJobs() {
  if (process.env.NODE_ENV === "test") return;
  void runSlaSweep().catch((e) => console.error("oversight SLA sweep failed", e));
  void deliverDueCallbacks().catch((e) => console.error("oversight callbacks failed", e));
}

export function ensureOversightJobs() {
  if (process.env.NODE_ENV === "test" || g.__oversightTimer) return;
  g.__oversightTimer = setInterval(kickOversightJobs, EVERY_MS);
  g.__oversightTimer.unref?.();
}
