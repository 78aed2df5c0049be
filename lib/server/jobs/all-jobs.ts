import "server-only";
// Every background job of the app, registered in one place. An area adds one line.
import { checkpointTail } from "@/lib/server/audit/append";
import { registerJob } from "@/lib/server/jobs/scheduler";

// Signs the audit log's tail regularly, so a truncation is detectable even when fewer
// than CHECKPOINT_EVERY events were written since the last checkpoint.
registerJob({ name: "audit.checkpoint", everyMs: 10 * 60_000, run: checkpointTail });
