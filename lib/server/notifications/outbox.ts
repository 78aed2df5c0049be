import "server-only";
// Security-sensitive: the durable email outbox (docs/decisions/600). Rows are written in
// the same transaction as what caused them; the notifications.outbox job delivers them.
// Several deliverers (app instances) may run at once: each claims a row with a
// conditional UPDATE (status pending, claim free or expired), which exactly one of them
// wins on both dialects, so a message is sent once. Failures retry with exponential
// backoff; after MAX_MAIL_ATTEMPTS the row is dead and stays for the operator.
import { randomUUID } from "node:crypto";
import { MAX_MAIL_ATTEMPTS, mailBackoffMs } from "@/lib/notifications/kinds";
import type { MailContent } from "@/lib/notifications/message";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";
import { decrypt, encrypt } from "@/lib/server/keys";
import { emailEnabled, sendMail } from "@/lib/server/notifications/mailer";

export type EnqueueInput = { userId: string | null; to: string; kind: string; content: MailContent; dedupeKey?: string; secret?: boolean };

// A body that carries a credential (the reset link) is field-encrypted at rest and wiped
// once sent or dead, so reading the outbox table does not give anyone a reset link.
const SECRET_CONTEXT = "outbox.body";
const SECRET_PREFIX = "enc:";
const WIPED = "[removed after delivery]";
const seal = (body: string, secret?: boolean) => (secret ? SECRET_PREFIX + encrypt(body, SECRET_CONTEXT) : body);
const open = (body: string) => (body.startsWith(SECRET_PREFIX) ? decrypt(body.slice(SECRET_PREFIX.length), SECRET_CONTEXT) : body);

/**
 * Writes one message to the outbox in the caller's transaction. Returns null and writes
 * nothing when email is off: nothing is held that nobody will ever send, and turning
 * email on later does not release a flood of stale reminders.
 */
export async function enqueueMail(tx: Tx, m: EnqueueInput): Promise<string | null> {
  if (!emailEnabled()) return null;
  const row = await tx.outboxMessage.create({
    data: { userId: m.userId, toAddress: m.to, kind: m.kind, subject: m.content.subject, textBody: seal(m.content.text, m.secret), htmlBody: seal(m.content.html, m.secret), dedupeKey: m.dedupeKey ?? null },
    select: { id: true },
  });
  return row.id;
}

export type DeliverOptions = { now?: Date; baseBackoffMs?: number; limit?: number; deliverer?: string; claimMs?: number };
const INSTANCE = randomUUID();

/** One delivery pass. Safe to run on several instances at once. */
export async function deliverOutbox({ now = new Date(), baseBackoffMs = 60_000, limit = 50, deliverer = INSTANCE, claimMs = 5 * 60_000 }: DeliverOptions = {}) {
  if (!emailEnabled()) return { sent: 0, failed: 0, skipped: "email is off" as const };
  const due = await db().outboxMessage.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  let sent = 0;
  let failed = 0;
  for (const { id } of due) {
    const r = await deliverOne(id, now, baseBackoffMs, deliverer, claimMs);
    if (r === "sent") sent++;
    if (r === "failed") failed++;
  }
  return { sent, failed, skipped: null };
}

async function deliverOne(id: string, now: Date, baseBackoffMs: number, deliverer: string, claimMs: number): Promise<"sent" | "failed" | "lost"> {
  // The claim: the row's WHERE is re-checked under the row lock (PostgreSQL) or by the
  // single writer (SQLite), so a second deliverer's UPDATE matches nothing.
  const claimed = await db().outboxMessage.updateMany({
    where: { id, status: "pending", OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    data: { claimedUntil: new Date(now.getTime() + claimMs), claimedBy: deliverer },
  });
  if (claimed.count !== 1) return "lost";
  const m = await db().outboxMessage.findUniqueOrThrow({ where: { id } });
  const wipe = m.textBody.startsWith(SECRET_PREFIX) ? { textBody: WIPED, htmlBody: WIPED } : {};
  try {
    await sendMail({ to: m.toAddress, subject: m.subject, text: open(m.textBody), html: open(m.htmlBody), messageId: `<${m.id}@outbox.invalid>` });
  } catch (e) {
    const attempts = m.attempts + 1;
    const dead = attempts >= MAX_MAIL_ATTEMPTS;
    const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    await db().outboxMessage.updateMany({
      where: { id, claimedBy: deliverer },
      data: { ...(dead ? wipe : {}), attempts, status: dead ? "dead" : "pending", lastError: error, claimedUntil: null, nextAttemptAt: new Date(now.getTime() + mailBackoffMs(attempts, baseBackoffMs)) },
    });
    if (dead) console.error(`outbox message ${id} is dead after ${attempts} attempts: ${error}`);
    return "failed";
  }
  await db().outboxMessage.updateMany({ where: { id, claimedBy: deliverer }, data: { ...wipe, status: "sent", attempts: m.attempts + 1, sentAt: new Date(), lastError: null, claimedUntil: null } });
  return "sent";
}

/** Counts for the Admin page. */
export async function outboxCounts(actor: Actor) {
  await requirePermission(actor, "user:read");
  const rows = await db().outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Record<string, number>;
}
