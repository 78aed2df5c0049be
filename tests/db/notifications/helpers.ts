// Email on for a test file: a loopback SMTP server and the env pointing at it.
import { resetEnvCache } from "@/lib/env";
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
