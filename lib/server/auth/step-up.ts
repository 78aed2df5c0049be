import "server-only";
// Security-sensitive: the second factor after single sign-on. When the identity provider
// did not assert one (amr) and the person's role requires MFA, the SSO session starts
// "pending": current-actor.ts treats it as signed out for everything except this step, and
// only our own TOTP (or a recovery code), checked with the same replay guard and per-account
// backoff as the password sign-in, turns it into a full session (decision 621).
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { isRole, type Role } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit, recordAudit } from "@/lib/server/audit/append";
import { ACCOUNT_BACKOFF, consumeSecondFactor, mfaRequiredFor } from "@/lib/server/auth/sign-in";
import { sessionCookieName } from "@/lib/server/auth/next-auth-options";
import { db } from "@/lib/server/db";
import { clearRateLimit, hitBackoff, peekBackoff } from "@/lib/server/rate-limit";
import { validateSession } from "@/lib/server/users/sessions";

type Session = NonNullable<Awaited<ReturnType<typeof validateSession>>>;

/** The live session behind the cookie, or null. */
export async function sessionFromCookie(): Promise<Session | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: env().NEXTAUTH_SECRET });
    return typeof token?.sid === "string" ? await validateSession(token.sid) : null;
  } catch {
    return null;
  }
}

/** True for an SSO session still waiting for our second factor. */
export async function awaitsStepUp(session: Session, role: Role): Promise<boolean> {
  return session.authMethod === "oidc" && !session.mfaPassed && !!session.user.mfaEnabledAt && (await mfaRequiredFor(role));
}

/** The pending SSO session behind the cookie, if that is what it is. */
export async function pendingStepUp(): Promise<{ sessionId: string; userId: string; email: string; name: string } | null> {
  const s = await sessionFromCookie();
  if (!s || !isRole(s.user.role) || !(await awaitsStepUp(s, s.user.role))) return null;
  return { sessionId: s.id, userId: s.user.id, email: s.user.email, name: s.user.name };
}

const backoffKey = (userId: string) => `stepup:backoff:${userId}`;

/** Checks the code for the pending session; on success the session is MFA-verified. */
export async function completeStepUp(pending: { sessionId: string; userId: string }, codeInput: unknown, ip: string | null, now = new Date()) {
  const anon: Actor = { kind: "anonymous", ip };
  const code = typeof codeInput === "string" ? codeInput.trim() : "";
  if (!/^[0-9A-Za-z -]{6,20}$/.test(code)) throw new AppError("VALIDATION", "Enter the 6-digit code from your authenticator app, or a recovery code.", [{ path: "code", message: "is not a code" }]);
  const wait = await peekBackoff(backoffKey(pending.userId), ACCOUNT_BACKOFF, now);
  if (wait > 0) throw new AppError("RATE_LIMITED", `Too many wrong codes. Try again in ${wait} seconds.`);
  const user = await db().user.findUnique({ where: { id: pending.userId }, select: { id: true, email: true, name: true, role: true, mfaSecretEnc: true } });
  if (!user?.mfaSecretEnc || !isRole(user.role)) throw new AppError("UNAUTHENTICATED", "Sign in again.");
  if (!(await consumeSecondFactor(user.id, user.mfaSecretEnc, code, now))) {
    await hitBackoff(backoffKey(user.id), ACCOUNT_BACKOFF, now);
    await recordAudit(anon, { action: "auth.stepup.failed", entityType: "User", entityId: user.id, diff: { method: "oidc" } });
    throw new AppError("VALIDATION", "That code is wrong or was already used. Wait for the next code and try again.", [{ path: "code", message: "is wrong or was already used" }]);
  }
  await clearRateLimit(backoffKey(user.id));
  const actor: Actor = { kind: "user", userId: user.id, email: user.email, name: user.name, role: user.role, sessionId: pending.sessionId, ip, mfaEnrolmentRequired: false };
  await db().$transaction(async (tx) => {
    const r = await tx.authSession.updateMany({ where: { id: pending.sessionId, userId: user.id, revokedAt: null, mfaPassed: false }, data: { mfaPassed: true } });
    if (r.count !== 1) throw new AppError("UNAUTHENTICATED", "This sign-in has ended; sign in again.");
    await appendAudit(tx, actor, { action: "auth.stepup", entityType: "User", entityId: user.id, diff: { method: "oidc", mfa: "totp" } });
  });
}
