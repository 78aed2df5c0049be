import "server-only";
// Webhook endpoints: registration (secret shown once, stored field-encrypted like the
// decision callback secrets), listing, removal and the test event. Admin only
// (webhooks:manage). A target is checked here as a callback URL is (no loopback, private
// or metadata address unless the host is in CALLBACK_ALLOWED_HOSTS), including what the
// name resolves to now, and again at every delivery (lib/server/net/pinned-post.ts).
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { callbackUrlProblem, parseAllowedHosts } from "@/lib/net/ssrf";
import { actorId, type Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { encrypt } from "@/lib/server/keys";
import { resolveTarget } from "@/lib/server/net/pinned-post";
import { enqueueWebhookEvent } from "@/lib/server/webhooks/outbox";
import { WEBHOOK_SECRET_CONTEXT } from "@/lib/server/webhooks/secret";
import { parseSafe } from "@/lib/validation/safe-input";
import { createWebhookSchema, type WebhookEndpointDto } from "@/lib/validation/webhooks";
import { isSubscribableEvent, SUBSCRIBABLE_EVENTS } from "@/lib/webhooks/events";

const ENTITY = "WebhookEndpoint";

async function targetProblem(raw: string): Promise<string | null> {
  const allowed = parseAllowedHosts(env().CALLBACK_ALLOWED_HOSTS);
  const problem = callbackUrlProblem(raw, allowed);
  if (problem) return problem;
  try {
    await resolveTarget(new URL(raw).hostname, allowed);
    return null;
  } catch {
    // The same words whatever the reason (no such name, a private address behind it).
    return "must resolve to public addresses only (an operator can allow named internal hosts with CALLBACK_ALLOWED_HOSTS)";
  }
}

export async function createWebhook(actor: Actor, input: unknown) {
  await requirePermission(actor, "webhooks:manage", { type: ENTITY });
  const data = parseSafe(createWebhookSchema, input);
  const unknown = data.events.filter((e) => !isSubscribableEvent(e));
  if (unknown.length) {
    throw new AppError("VALIDATION", `Unknown event type(s): ${unknown.join(", ")}. Known: ${SUBSCRIBABLE_EVENTS.join(", ")}.`, [{ path: "events", message: `unknown: ${unknown.join(", ")}` }]);
  }
  const problem = await targetProblem(data.url);
  if (problem) throw new AppError("VALIDATION", `The webhook URL ${problem}.`, [{ path: "url", message: problem }]);
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  return db().$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({ data: { url: data.url, events: JSON.stringify(data.events), secretEnc: encrypt(secret, WEBHOOK_SECRET_CONTEXT), createdById: actorId(actor) } });
    await appendAudit(tx, actor, { action: "webhook.create", entityType: ENTITY, entityId: row.id, diff: { url: data.url, events: data.events } });
    return { id: row.id, url: row.url, events: data.events, secret };
  });
}

async function toDtos(rows: { id: string; url: string; events: string; createdAt: Date }[]): Promise<WebhookEndpointDto[]> {
  const counts = await db().webhookDelivery.groupBy({ by: ["endpointId", "status"], where: { endpointId: { in: rows.map((r) => r.id) } }, _count: { _all: true } });
  const count = (id: string, status: string) => counts.find((c) => c.endpointId === id && c.status === status)?._count._all ?? 0;
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    events: JSON.parse(r.events) as string[],
    createdAt: r.createdAt.toISOString(),
    deliveries: { pending: count(r.id, "pending"), delivered: count(r.id, "delivered"), failed: count(r.id, "failed") },
  }));
}

const ENDPOINT_SELECT = { id: true, url: true, events: true, createdAt: true } as const;

export async function listWebhooks(actor: Actor) {
  await requirePermission(actor, "webhooks:manage", { type: ENTITY });
  // At most a few dozen per organisation; capped rather than paginated.
  const rows = await db().webhookEndpoint.findMany({ where: { deletedAt: null }, orderBy: { createdAt: "asc" }, take: 200, select: ENDPOINT_SELECT });
  return { items: await toDtos(rows) };
}

export async function getWebhook(actor: Actor, id: string) {
  await requirePermission(actor, "webhooks:manage", { type: ENTITY, id });
  const row = await db().webhookEndpoint.findFirst({ where: { id, deletedAt: null }, select: ENDPOINT_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "No such webhook endpoint.");
  return (await toDtos([row]))[0]!;
}

/** Removes the endpoint: nothing more is sent, pending deliveries are cancelled, the log stays. */
export async function deleteWebhook(actor: Actor, id: string) {
  await requirePermission(actor, "webhooks:manage", { type: ENTITY, id });
  return db().$transaction(async (tx) => {
    const res = await tx.webhookEndpoint.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: new Date() } });
    if (res.count === 0) throw new AppError("NOT_FOUND", "No such webhook endpoint.");
    const cancelled = await tx.webhookDelivery.updateMany({ where: { endpointId: id, status: "pending" }, data: { status: "cancelled" } });
    await appendAudit(tx, actor, { action: "webhook.delete", entityType: ENTITY, entityId: id, diff: { cancelledDeliveries: cancelled.count } });
    return { id, deleted: true as const };
  });
}

/** Queues a `webhook.test` delivery to this endpoint only; the job sends it like any other. */
export async function sendTestEvent(actor: Actor, id: string) {
  await requirePermission(actor, "webhooks:manage", { type: ENTITY, id });
  return db().$transaction(async (tx) => {
    const ep = await tx.webhookEndpoint.findFirst({ where: { id, deletedAt: null }, select: { id: true } });
    if (!ep) throw new AppError("NOT_FOUND", "No such webhook endpoint.");
    const [deliveryId] = await enqueueWebhookEvent(tx, "webhook.test", { endpointId: id, message: "A test event sent from the Webhooks page." }, new Date(), id);
    await appendAudit(tx, actor, { action: "webhook.test", entityType: ENTITY, entityId: id, diff: { deliveryId } });
    return { deliveryId: deliveryId! };
  });
}

export const DELIVERY_PAGE_SIZE = 25;

/** The delivery log of one endpoint, newest first, a page at a time. */
export async function listWebhookDeliveries(actor: Actor, endpointId: string, page = 1) {
  await requirePermission(actor, "webhooks:manage", { type: ENTITY, id: endpointId });
  const where = { endpointId };
  const [total, rows] = await Promise.all([
    db().webhookDelivery.count({ where }),
    db().webhookDelivery.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (Math.max(1, page) - 1) * DELIVERY_PAGE_SIZE, take: DELIVERY_PAGE_SIZE }),
  ]);
  return {
    total,
    page,
    pageSize: DELIVERY_PAGE_SIZE,
    items: rows.map((r) => ({
      id: r.id,
      eventType: r.eventType,
      status: r.status,
      attempts: r.attempts,
      lastStatusCode: r.lastStatusCode,
      lastError: r.lastError,
      nextAttemptAt: r.status === "pending" ? r.nextAttemptAt.toISOString() : null,
      deliveredAt: r.deliveredAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
