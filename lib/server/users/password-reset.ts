import "server-only";
// Security-sensitive: self-service password reset by email (docs/decisions/600).
// - The answer is the same whether or not the account exists, and so is the work done
//   before answering (the mail is sent later by the outbox job, not inline).
// - The token is 32 random bytes; only its SHA-256 is stored. It works once, for 30
//   minutes; asking again replaces the earlier tokens.
// - Requests are limited per IP and per account (keyed by the email's hash, so an
//   unknown email is limited the same way and counting reveals nothing).
// - A reset ends every session of the person and clears a sign-in lockout.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError, zodDetails } from "@/lib/errors";
import { absoluteUrl, buildMail } from "@/lib/notifications/message";
import type { Actor } from "@/lib/server/actor";
import { appendAudit, recordAudit } from "@/lib/server/audit/append";
import { db } from "@/lib/server/db";
import { appUrl, emailEnabled } from "@/lib/server/notifications/mailer";
import { enqueueMail } from "@/lib/server/notifications/outbox";
import { hitRateLimit } from "@/lib/server/rate-limit";
import { hashPassword } from "@/lib/server/users/password";
import { revokeUserSessions } from "@/lib/server/users/sessions";
import { emailSchema, passwordSchema } from "@/lib/validation/users";

export const RESET_TTL_MS = 30 * 60_000;
export const RESET_LIMITS = { perIp: { count: 10, windowSeconds: 15 * 60 }, perAccount: { count: 3, windowSeconds: 60 * 60 } };
export const RESET_ANSWER = "If an account with that email exists, we have sent it a link to reset the password. The link works once, for 30 minutes.";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function requestPasswordReset(input: { email: unknown; ip: string | null }, now = new Date()): Promise<{ message: string }> {
  if (!emailEnabled()) throw new AppError("CONFLICT", "Email is off on this server, so passwords cannot be reset by email. Ask an administrator to reset yours.");
  const parsed = emailSchema.safeParse(input.email);
  if (!parsed.success) throw new AppError("VALIDATION", "Check the highlighted fields.", [{ path: "email", message: "must be a valid email address" }]);
  const email = parsed.data;
  const anon: Actor = { kind: "anonymous", ip: input.ip };
  const emailKey = createHash("sha256").update(email).digest("hex").slice(0, 32);
  const ipLimit = await hitRateLimit(`reset:ip:${input.ip ?? "unknown"}`, RESET_LIMITS.perIp.count, RESET_LIMITS.perIp.windowSeconds, now);
  const acctLimit = await hitRateLimit(`reset:acct:${emailKey}`, RESET_LIMITS.perAccount.count, RESET_LIMITS.perAccount.windowSeconds, now);
  if (!ipLimit.allowed || !acctLimit.allowed) {
    await recordAudit(anon, { action: "auth.password_reset.rate_limited", diff: { by: ipLimit.allowed ? "account" : "ip" } });
    const mins = Math.ceil(Math.max(ipLimit.allowed ? 0 : ipLimit.retryAfterSeconds, acctLimit.allowed ? 0 : acctLimit.retryAfterSeconds) / 60);
    throw new AppError("RATE_LIMITED", `Too many reset requests. Try again in ${mins} minute${mins === 1 ? "" : "s"}.`);
  }
  // Made either way, so both paths do the same work before the one that exists writes.
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashToken(token);
  const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, disabledAt: true } });
  await db().$transaction(async (tx) => {
    if (!user || user.disabledAt) {
      await appendAudit(tx, anon, { action: "auth.password_reset.requested", diff: { known: false } });
      return;
    }
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash, expiresAt: new Date(now.getTime() + RESET_TTL_MS) } });
    const link = absoluteUrl(appUrl(), `/reset-password?token=${encodeURIComponent(token)}`);
    const content = buildMail({
      subject: "Reset your password",
      intro: `Someone (hopefully you) asked to reset the password of ${user.email}. The link works once, for 30 minutes. If it was not you, ignore this email: your password stays as it is.`,
      link: { url: link, label: "Choose a new password" },
      footer: "You get this email because a password reset was requested for your account.",
    });
    await enqueueMail(tx, { userId: user.id, to: user.email, kind: "password_reset", content, secret: true });
    await appendAudit(tx, anon, { action: "auth.password_reset.requested", entityType: "User", entityId: user.id, diff: { known: true } });
  });
  return { message: RESET_ANSWER };
}

const resetSchema = z.object({ token: z.string().min(20, "is missing").max(200), newPassword: passwordSchema });

/** What the reset page shows before the form: whether the link still works. */
export async function checkResetToken(token: string, now = new Date()): Promise<"valid" | "used" | "expired" | "unknown"> {
  const row = await db().passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row) return "unknown";
  if (row.usedAt) return "used";
  return row.expiresAt <= now ? "expired" : "valid";
}

const REFUSED = {
  unknown: "This reset link is not valid. Ask for a new one.",
  used: "This reset link was already used (or replaced by a newer one). Ask for a new one.",
  expired: "This reset link has expired (links work for 30 minutes). Ask for a new one.",
} as const;

export async function resetPassword(input: { token: unknown; newPassword: unknown; ip: string | null }, now = new Date()) {
  const parsed = resetSchema.safeParse({ token: input.token, newPassword: input.newPassword });
  if (!parsed.success) throw new AppError("VALIDATION", "Check the highlighted fields.", zodDetails(parsed.error.issues));
  const state = await checkResetToken(parsed.data.token, now);
  if (state !== "valid") throw new AppError("VALIDATION", REFUSED[state], [{ path: "token", message: state }]);
  const passwordHash = await hashPassword(parsed.data.newPassword);
  const tokenHash = hashToken(parsed.data.token);
  return db().$transaction(async (tx) => {
    // The claim: only one of two concurrent uses of the token matches.
    const row = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash } });
    const claimed = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new AppError("VALIDATION", REFUSED.used, [{ path: "token", message: "used" }]);
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, passwordChangedAt: now, failedLogins: 0, lockedUntil: null, version: { increment: 1 } } });
    const ended = await revokeUserSessions(tx, row.userId, "password_reset");
    await appendAudit(tx, { kind: "anonymous", ip: input.ip }, { action: "user.password.reset", entityType: "User", entityId: row.userId, diff: { sessionsEnded: ended } });
    return { sessionsEnded: ended };
  });
}
