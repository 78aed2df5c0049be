import "server-only";
// The SMTP transport, built from SMTP_URL (docs/decisions/600). Unset: email is off.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export function emailEnabled(): boolean {
  return !!env().SMTP_URL;
}

/** The public origin links in email point to. */
export function appUrl(): string {
  const e = env();
  return e.APP_URL ?? e.NEXTAUTH_URL ?? "http://localhost:3000";
}

let cached: { url: string; transport: Transporter } | undefined;

function transport(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (cached?.url !== url) {
    cached?.transport.close();
    // Pooled connections; a short timeout so one stuck server does not hold the job.
    cached = { url, transport: nodemailer.createTransport(`${url}${url.includes("?") ? "&" : "?"}connectionTimeout=10000&greetingTimeout=10000&socketTimeout=20000`) };
  }
  return cached.transport;
}

export type OutgoingMail = { to: string; subject: string; text: string; html: string; messageId: string };

/** Sends one message; throws with the server's answer when it is refused. */
export async function sendMail(m: OutgoingMail): Promise<void> {
  const t = transport();
  if (!t) throw new Error("email is off (SMTP_URL is not set)");
  await t.sendMail({ from: env().MAIL_FROM, to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: m.messageId, headers: { "Auto-Submitted": "auto-generated" } });
}
