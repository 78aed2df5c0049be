// Request and response schemas for webhook endpoints (API, forms, OpenAPI).
import { z } from "zod";
import { SUBSCRIBABLE_EVENTS } from "@/lib/webhooks/events";

// Unknown event names are not an enum error here: the server names every unknown one
// in a single 422 (lib/server/webhooks/endpoints.ts), which an enum would not.
export const createWebhookSchema = z.object({
  url: z.string().trim().min(1, "is required").max(2000).meta({ description: "https URL of the receiver (public address; plain http or internal hosts only for hosts in CALLBACK_ALLOWED_HOSTS)" }),
  events: z
    .array(z.string().trim().min(1).max(100))
    .min(1, "must name at least one event")
    .max(50)
    .transform((e) => [...new Set(e)])
    .meta({ description: `Event types to receive: ${SUBSCRIBABLE_EVENTS.join(", ")}` }),
});

export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  createdAt: z.string(),
  deliveries: z.object({ pending: z.number().int(), delivered: z.number().int(), failed: z.number().int() }),
});
export const webhookCreatedSchema = z.object({ id: z.string(), url: z.string(), events: z.array(z.string()), secret: z.string().meta({ description: "Signing secret (whsec_…), shown only in this answer" }) });
export const webhookListSchema = z.object({ items: z.array(webhookEndpointSchema) });
export type WebhookEndpointDto = z.infer<typeof webhookEndpointSchema>;
