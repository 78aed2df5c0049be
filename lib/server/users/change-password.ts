import "server-only";
import { AppError, zodDetails } from "@/lib/errors";
import { changePasswordSchema } from "@/lib/validation/users";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { hitRateLimit, peekRateLimit } from "@/lib/server/rate-limit";
import { hashPassword, verifyPassword } from "@/lib/server/users/password";
import { revokeUserSessions } from "@/lib/server/users/sessions";

// Re-authentication for what a stolen session must not do alone (change the password,
// turn on MFA with the thief's authenticator): the current password, with wrong guesses
// limited per user so a session cannot be used to brute-force it.
const REAUTH_LIMIT = { count: 5, windowSeconds: 15 * 60 };

export async function confirmCurrentPassword(userId: string, passwordHash: string | null, password: unknown) {
  const key = `reauth:${userId}`;
  const limit = await peekRateLimit(key, REAUTH_LIMIT.count, REAUTH_LIMIT.windowSeconds);
  if (!limit.allowed) {
    const mins = Math.ceil(limit.retryAfterSeconds / 60);
    throw new AppError("RATE_LIMITED", `Too many wrong passwords. Try again in ${mins} minute${mins === 1 ? "" : "s"}.`, [{ path: "currentPassword", message: "too many wrong attempts" }]);
  }
  if (typeof password !== "string" || password === "" || !(await verifyPassword(passwordHash, password))) {
    await hitRateLimit(key, REAUTH_LIMIT.count, REAUTH_LIMIT.windowSeconds);
    throw new AppError("VALIDATION", "The current password is wrong.", [{ path: "currentPassword", message: "is wrong" }]);
  }
}

/** Changes the actor's own password and ends every other session of theirs. */
export async function changeOwnPassword(actor: Actor, input: unknown) {
  await requirePermission(actor, "account:self");
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in person can change their password.");
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Check the highlighted fields.", zodDetails(parsed.error.issues));
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId } });
  await confirmCurrentPassword(user.id, user.passwordHash, parsed.data.currentPassword);
  const passwordHash = await hashPassword(parsed.data.newPassword);
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date(), version: { increment: 1 } } });
    const ended = await revokeUserSessions(tx, user.id, "password_changed", actor.sessionId ?? undefined);
    await appendAudit(tx, actor, { action: "user.password.change", entityType: "User", entityId: user.id, diff: { otherSessionsEnded: ended } });
    return { otherSessionsEnded: ended };
  });
}
