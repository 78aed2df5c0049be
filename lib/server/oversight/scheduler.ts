import "server-only";
import { log } from "@/lib/server/log";
// Oversight's background work. The central clock (lib/server/jobs/all-jobs.ts) runs
// these on a timer; request handlers also kick them right after a change so callbacks
// and expiries do not wait for the next tick. Each job takes its own database lease
// (runExclusive), so a kick and a tick, or two instances, never run one twice at once.
import { deliverDueCallbacks } from "@/lib/server/oversight/callbacks";
import { runSlaSweep } from "@/lib/server/oversight/sla";

export function kickOversightJobs() {
  if (process.env.NODE_ENV === "test") return;
  void runSlaSweep().catch((e) => log().error({ job: "oversight.sla", err: e }, "oversight SLA sweep failed"));
  void deliverDueCallbacks().catch((e) => log().error({ job: "oversight.callbacks", err: e }, "oversight callbacks failed"));
}
