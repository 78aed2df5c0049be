// The webhook event catalogue: names, what each payload carries and the envelope every
// delivery has (docs/decisions/610). Pure. Payloads carry ids, references, statuses and
// dates, never personal data of data subjects: a receiver that needs more fetches the
// record through the API with its own key.
import { z } from "zod";

const iso = z.string();
const obligation = z.object({ incidentId: z.string(), incidentReference: z.string(), obligationId: z.string(), regulation: z.string(), title: z.string(), dueAt: iso });

export const EVENT_PAYLOADS = {
  // No title: staff may write a data subject's name into it; the reference identifies it.
  "incident.created": z.object({ incidentId: z.string(), reference: z.string(), discoveredAt: iso }),
  "obligation.due_soon": obligation,
  "obligation.overdue": obligation,
  "decision.escalated": z.object({ decisionId: z.string(), aiSystemId: z.string(), decisionType: z.string(), escalateTo: z.string().nullable(), reason: z.enum(["manual", "sla"]), dueAt: iso.nullable() }),
  // A reviewer asked for information; the question itself stays behind the API (it is free text).
  "decision.info_requested": z.object({ decisionId: z.string(), aiSystemId: z.string(), decisionType: z.string(), requestedAt: iso, dueAt: iso.nullable() }),
  "decision.decided": z.object({ decisionId: z.string(), aiSystemId: z.string(), decisionType: z.string(), status: z.string(), finalOutcome: z.string().nullable(), decidedAt: iso }),
  "control.failed": z.object({ controlId: z.string(), detail: z.string(), failingRecords: z.number().int(), testedAt: iso }),
  "alert.raised": z.object({ alertId: z.string(), kind: z.string(), severity: z.string(), title: z.string(), raisedAt: iso }),
  // Only ever sent by the "Send test event" button, to one endpoint; nobody subscribes to it.
  "webhook.test": z.object({ endpointId: z.string(), message: z.string() }),
} as const;

export type WebhookEventType = keyof typeof EVENT_PAYLOADS;
export type WebhookPayload<T extends WebhookEventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;

export const SUBSCRIBABLE_EVENTS = (Object.keys(EVENT_PAYLOADS) as WebhookEventType[]).filter((e) => e !== "webhook.test");
export const EVENT_TYPE_HEADER = "X-Oversight-Event";

export function isSubscribableEvent(name: string): name is WebhookEventType {
  return (SUBSCRIBABLE_EVENTS as string[]).includes(name);
}

/** What is signed and sent: `{ id, type, createdAt, data }`; `id` equals X-Oversight-Delivery. */
export function envelope<T extends WebhookEventType>(id: string, type: T, data: WebhookPayload<T>, createdAt: Date): string {
  return JSON.stringify({ id, type, createdAt: createdAt.toISOString(), data: EVENT_PAYLOADS[type].parse(data) });
}

/** Backoff for webhooks: 30 s x 2^(n-1), capped at 6 h, 10 attempts (about 16 hours in all). */
export const MAX_WEBHOOK_ATTEMPTS = 10;
