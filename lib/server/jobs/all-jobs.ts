import "server-only";
// Every background job of the app, registered in one place. An area adds one line.
// Jobs that take their own lease (runExclusive) are marked selfLeased.
import { evaluateAlerts } from "@/lib/server/alerts/evaluate";
import { registerJob } from "@/lib/server/jobs/scheduler";
import { deliverDueCallbacks } from "@/lib/server/oversight/callbacks";
import { runSlaSweep } from "@/lib/server/oversight/sla";
import { ensureDailySnapshot } from "@/lib/server/posture/snapshots";
import { deliverOutbox } from "@/lib/server/notifications/outbox";
import { runReminderJob } from "@/lib/server/notifications/reminders";
import { deliverDueWebhooks } from "@/lib/server/webhooks/deliver";
import { runObligationWebhookJob } from "@/lib/server/webhooks/due-obligations";

// The audit log's sealer runs on its own, faster clock (lib/server/audit/sealer.ts).
// EU AI Act Art. 14 oversight: SLA escalation/expiry (never approves) and signed callbacks.
registerJob({ name: "oversight.sla", everyMs: 30_000, run: () => runSlaSweep(), selfLeased: true });
registerJob({ name: "oversight.callbacks", everyMs: 10_000, run: () => deliverDueCallbacks(), selfLeased: true });
// One posture snapshot per UTC day; the job itself is a no-op once the day is taken.
registerJob({ name: "posture.daily-snapshot", everyMs: 15 * 60_000, run: () => ensureDailySnapshot(), selfLeased: true });
// Anomaly alerts over the audit log (docs/decisions/008); idempotent by dedupe key.
registerJob({ name: "alerts.evaluate", everyMs: 60_000, run: () => evaluateAlerts() });
// Email (docs/decisions/600): reminders and digests (one scanner at a time); outbox
// delivery runs on every instance at once, each message claimed by one deliverer.
registerJob({ name: "notifications.reminders", everyMs: 5 * 60_000, run: () => runReminderJob(), selfLeased: true });
registerJob({ name: "notifications.outbox", everyMs: 10_000, run: () => deliverOutbox(), selfLeased: true });
// Webhooks: every instance delivers, each row claimed by one (lib/server/webhooks/deliver.ts).
registerJob({ name: "webhooks.deliver", everyMs: 10_000, run: () => deliverDueWebhooks(), selfLeased: true });
// obligation.due_soon / obligation.overdue, once each per deadline (lib/server/webhooks/due-obligations.ts).
registerJob({ name: "webhooks.obligations", everyMs: 60_000, run: () => runObligationWebhookJob(), selfLeased: true });
