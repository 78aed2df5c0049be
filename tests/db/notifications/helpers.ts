// Email on for a test file: a loopback SMTP server and the env pointing at it.
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

/**
 * The database is shared by every test file: the officers other files left behind would each
 * get every reminder for every leftover deadline, and that flood would drown (and outlast) the
 * messages a test waits for. People who exist before the test are silenced.
 */
export async function silenceExistingUsers() {
  const disabled = JSON.stringify(NOTIFICATION_KINDS);
  const users = await db().user.findMany({ select: { id: true } });
  for (const u of users) {
    await db().notificationPreference.upsert({ where: { userId: u.id }, create: { userId: u.id, disabled, digest: false }, update: { disabled, digest: false } });
  }
  await db().outboxMessage.deleteMany({});
}
