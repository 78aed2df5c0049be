// Email on for a test file: a loopback SMTP server and the env pointing at it.
import { afterAll, beforeAll } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { db } from "@/lib/server/db";
import { startSmtp, type Mailbox } from "../../support/smtp";

export const APP = "https://compliance.test.example";

export async function emailOn(opts: { rejectFirst?: number } = {}): Promise<Mailbox> {
  const box = await startSmtp(opts);
  Object.assign(process.env, { SMTP_URL: box.url, MAIL_FROM: "Compliance <noreply@compliance.test.example>", APP_URL: APP });
  resetEnvCache();
  return box;
}

export function emailOff() {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  delete process.env.APP_URL;
  resetEnvCache();
}

/** Email on for the whole test file (its hooks registered here); the mailbox once it runs. */
export function emailForThisFile(): { box: Mailbox | null } {
  const mail: { box: Mailbox | null } = { box: null };
  beforeAll(async () => {
    mail.box = await emailOn();
  });
  afterAll(async () => {
    emailOff();
    await mail.box?.close();
  });
  return mail;
}

/**
 * The database is shared by every test file: the officers other files left behind would each
 * get every reminder for every leftover deadline, and that flood would drown (and outlast) the
 * messages a test waits for. People who exist before the test are silenced.
 */
export async function silenceExistingUsers() {
  const disabled = JSON.stringify(NOTIFICATION_KINDS);
  // Two statements whatever the number of people (one upsert each took 40 s of the run).
  const have = new Set((await db().notificationPreference.findMany({ select: { userId: true } })).map((p) => p.userId));
  const missing = (await db().user.findMany({ select: { id: true } })).filter((u) => !have.has(u.id));
  if (missing.length) await db().notificationPreference.createMany({ data: missing.map((u) => ({ userId: u.id, disabled, digest: false })) });
  await db().notificationPreference.updateMany({ data: { disabled, digest: false } });
  await db().outboxMessage.deleteMany({});
}
