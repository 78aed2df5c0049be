import "server-only";
// Security-sensitive: password + TOTP sign-in with per-address limits and per-account
// backoff. There is no lock: a lock that five wrong passwords trigger lets anyone shut any
// account (the admin's included), and answering "locked" only for real accounts tells a
// stranger which emails exist. The backoff is keyed by the email's hash, so an unknown email
// is slowed and answered exactly like a known one.
import { createHash } from "node:crypto";
import { isRole } from "@/lib/auth/permissions";
import { normaliseRecoveryCode, verifyTotp } from "@/lib/crypto/totp";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit, recordAudit } from "@/lib/server/audit/append";
import { db } from "@/lib/server/db";
import { decrypt } from "@/lib/server/keys";
import { clearRateLimit, hitBackoff, hitRateLimit, peekBackoff, peekRateLimit, type BackoffSchedule } from "@/lib/server/rate-limit";
import { getSetting } from "@/lib/server/settings/settings";
import { verifyPassword } from "@/lib/server/users/password";
import { createSession } from "@/lib/server/users/sessions";

// Failed attempts per address per window (the address cannot be forged: request-ip.ts).
const IP_LIMIT = { count: 30, windowSeconds: 15 * 60 };
// Per account: 3 free failures, then 2 s, 4 s, … up to 5 minutes between attempts.
export const ACCOUNT_BACKOFF: BackoffSchedule = { free: 3, baseSeconds: 2, maxSeconds: 300, resetAfterSeconds: 3600 };

/** Codes the sign-in form understands; the message is safe to show. */
export type SignInErrorCode = "INVALID" | "MFA_REQUIRED" | "MFA_INVALID" | "RATE_LIMITED" | "DISABLED";

export class SignInError extends Error {
  constructor(public readonly code: SignInErrorCode, message: string) {
    super(message);
  }
}

export type SignInInput = { email: string; password: string; code?: string | null; ip: string | null; userAgent: string | null };

export function mfaContext(userId: string) {
  return `user.mfa:${userId}`;
}

export async function signIn(input: SignInInput) {
  const email = input.email.trim().toLowerCase();
  const anon: Actor = { kind: "anonymous", ip: input.ip };
  const emailKey = createHash("sha256").update(email).digest("hex").slice(0, 32);

  // Failed attempts are what is limited (per address and per account), so an office
  // behind one address can still sign in all morning while guessing is cut off.
  const ipKey = `signin:ip:${input.ip ?? "unknown"}`;
  const acctKey = `signin:backoff:${emailKey}`;
  const ipLimit = await peekRateLimit(ipKey, IP_LIMIT.count, IP_LIMIT.windowSeconds);
  const acctWait = await peekBackoff(acctKey, ACCOUNT_BACKOFF);
  if (!ipLimit.allowed) {
    const wait = Math.ceil(ipLimit.retryAfterSeconds / 60);
    await recordAudit(anon, { action: "auth.signin.rate_limited", diff: { email, by: "ip" } });
    throw new SignInError("RATE_LIMITED", `Too many sign-in attempts from your network. Try again in ${wait} minute${wait === 1 ? "" : "s"}.`);
  }
  if (acctWait > 0) {
    await recordAudit(anon, { action: "auth.signin.rate_limited", diff: { email, by: "account" } });
    throw new SignInError("RATE_LIMITED", `Too many failed sign-ins for this account. Try again in ${acctWait} second${acctWait === 1 ? "" : "s"}.`);
  }

  const user = await db().user.findUnique({ where: { email } });
  const now = new Date();
  const countFailure = async () => {
    await hitRateLimit(ipKey, IP_LIMIT.count, IP_LIMIT.windowSeconds);
    await hitBackoff(acctKey, ACCOUNT_BACKOFF);
  };
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !passwordOk) {
    await countFailure();
    if (user) await registerFailure(user.id, anon, "bad_password");
    else await recordAudit(anon, { action: "auth.signin.failed", diff: { reason: "unknown_email", email } });
    throw new SignInError("INVALID", "Wrong email or password.");
  }
  if (user.disabledAt) {
    await recordAudit(anon, { action: "auth.signin.failed", entityType: "User", entityId: user.id, diff: { reason: "disabled" } });
    throw new SignInError("DISABLED", "This account is disabled. Ask an admin to enable it.");
  }

  let mfaPassed = false;
  if (user.mfaEnabledAt && user.mfaSecretEnc) {
    const code = input.code?.trim();
    if (!code) throw new SignInError("MFA_REQUIRED", "Enter the 6-digit code from your authenticator app.");
    const ok = await consumeSecondFactor(user.id, user.mfaSecretEnc, code, now);
    if (!ok) {
      await countFailure();
      await registerFailure(user.id, anon, "bad_mfa_code");
      throw new SignInError("MFA_INVALID", "That code is wrong or was already used. Wait for the next code and try again.");
    }
    mfaPassed = true;
  }

  const role = isRole(user.role) ? user.role : "auditor";
  await clearRateLimit(acctKey);
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
    const sessionId = await createSession(tx, { userId: user.id, ip: input.ip, userAgent: input.userAgent, mfaPassed });
    const actor: Actor = { kind: "user", userId: user.id, email: user.email, name: user.name, role, sessionId, ip: input.ip, mfaEnrolmentRequired: false };
    await appendAudit(tx, actor, { action: "auth.signin", entityType: "User", entityId: user.id, diff: { mfa: mfaPassed } });
    return { sessionId, userId: user.id, email: user.email, name: user.name, role };
  });
}

async function registerFailure(userId: string, anon: Actor, reason: string) {
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { failedLogins: { increment: 1 } } });
    await appendAudit(tx, anon, { action: "auth.signin.failed", entityType: "User", entityId: userId, diff: { reason } });
  });
}

/**
 * Accepts a TOTP code once: the matched time step must be greater than the last one
 * accepted, and the update is conditional so two racing requests cannot both win.
 * Falls back to a one-time recovery code.
 */
export async function consumeSecondFactor(userId: string, secretEnc: string, code: string, now: Date): Promise<boolean> {
  const compact = code.replace(/\s+/g, "");
  if (/^\d{6}$/.test(compact)) {
    const step = verifyTotp(decrypt(secretEnc, mfaContext(userId)), compact, now.getTime());
    if (step === null) return false;
    const res = await db().user.updateMany({ where: { id: userId, mfaLastStep: { lt: step } }, data: { mfaLastStep: step } });
    return res.count === 1;
  }
  const normalised = normaliseRecoveryCode(compact);
  if (normalised.length !== 10) return false;
  const codeHash = createHash("sha256").update(`${userId}:${normalised}`).digest("hex");
  const res = await db().recoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: now } });
  if (res.count === 1) {
    await recordAudit({ kind: "anonymous", ip: null }, { action: "auth.recovery_code.used", entityType: "User", entityId: userId });
  }
  return res.count === 1;
}

export function recoveryCodeHash(userId: string, code: string) {
  return createHash("sha256").update(`${userId}:${normaliseRecoveryCode(code)}`).digest("hex");
}

/** Whether this role must use MFA under the current setting. */
export async function mfaRequiredFor(role: string): Promise<boolean> {
  if (role !== "admin" && role !== "compliance_officer") return false;
  return getSetting("security.mfaRequired");
}
