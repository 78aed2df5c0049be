import "server-only";
// The reminder job: turns due items into reminders (once per person, item and kind) and,
// from 07:00 in the organisation's zone, one digest per person per day. Each message is
// its own small transaction keyed by a unique dedupeKey: a second scanner (another
// instance, a rerun) that races it loses on the unique index, which is caught outside
// the transaction and counted as already done.
import { digestDedupeKey, localDayAndHour, reminderDedupeKey } from "@/lib/notifications/kinds";
import { db } from "@/lib/server/db";
import { runExclusive } from "@/lib/server/jobs/lease";
import { digestMail, reminderMail } from "@/lib/server/notifications/compose";
import { findDueItems, type DueItem, type DueOptions } from "@/lib/server/notifications/due-items";
import { emailEnabled } from "@/lib/server/notifications/mailer";
import { enqueueMail, type EnqueueInput } from "@/lib/server/notifications/outbox";
import { preferencesOf } from "@/lib/server/notifications/recipients";
import { getSetting } from "@/lib/server/settings/settings";

export const DIGEST_HOUR = 7;

async function enqueueOnce(m: EnqueueInput & { dedupeKey: string }): Promise<boolean> {
  if (await db().outboxMessage.findUnique({ where: { dedupeKey: m.dedupeKey }, select: { id: true } })) return false;
  try {
    await db().$transaction((tx) => enqueueMail(tx, m));
    return true;
  } catch (e) {
    // Either dialect's client: the unique dedupeKey was taken meanwhile.
    if ((e as { code?: unknown } | null)?.code === "P2002") return false;
    throw e;
  }
}

export async function runReminders(opts: DueOptions = {}) {
  const now = opts.now ?? new Date();
  if (!emailEnabled()) return { reminders: 0, digests: 0 };
  const items = await findDueItems({ ...opts, now });
  const timeZone = await getSetting("org.timeZone");
  const userIds = [...new Set(items.flatMap((i) => i.recipients.map((r) => r.userId)))];
  const prefs = await preferencesOf(db(), userIds);
  let reminders = 0;
  for (const item of items) {
    const content = reminderMail(item, timeZone);
    for (const r of item.recipients) {
      if (prefs.get(r.userId)?.disabled.includes(item.kind)) continue;
      if (await enqueueOnce({ userId: r.userId, to: r.email, kind: item.kind, content, dedupeKey: reminderDedupeKey(r.userId, item.key, item.kind) })) reminders++;
    }
  }
  const digests = await runDigests(items, now, timeZone, prefs);
  return { reminders, digests };
}

async function runDigests(items: DueItem[], now: Date, timeZone: string, prefs: Awaited<ReturnType<typeof preferencesOf>>) {
  const { day, hour } = localDayAndHour(now, timeZone);
  if (hour < DIGEST_HOUR) return 0;
  const mine = new Map<string, { name: string; email: string; items: DueItem[] }>();
  for (const item of items) {
    for (const r of item.recipients) {
      const entry = mine.get(r.userId) ?? { name: r.name, email: r.email, items: [] };
      entry.items.push(item);
      mine.set(r.userId, entry);
    }
  }
  let digests = 0;
  for (const [userId, entry] of mine) {
    if (prefs.get(userId)?.digest === false) continue;
    if (await enqueueOnce({ userId, to: entry.email, kind: "digest", content: digestMail(entry.name, day, entry.items, timeZone), dedupeKey: digestDedupeKey(userId, day) })) digests++;
  }
  return digests;
}

/** The scheduled job: one scanner at a time (the dedupe keys make a second one harmless). */
export function runReminderJob() {
  return runExclusive("notifications.reminders", 300_000, () => runReminders());
}
