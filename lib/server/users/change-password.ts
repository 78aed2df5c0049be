import "server-only";
import { AppError, zodDetails } from "@/lib/errors";
import { changePasswordSchema } from "@/lib/validation/users";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { hashPassword, verifyPassword } from "@/lib/server/users/password";
import { revokeUserSessions } from "@/lib/server/users/sessions";

/** Changes the actor's own password and ends every other session of theirs. */
export async function changeOwnPassword(actor: Actor, input: unknown) {
  await requirePermission(actor, "account:self");
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in person can change their password.");
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Check the highlighted fields.", zodDetails(parsed.error.issues));
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) {
    throw new AppError("VALIDATION", "The current password is wrong.", [{ path: "currentPassword", message: "is wrong" }]);
  }
  const passwordHash = await hashPassword(parsed.data.newPassword);
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date(), version: { increment: 1 } } });
    const ended = await revokeUserSessions(tx, user.id, "password_changed", actor.sessionId ?? undefined);
    await appendAudit(tx, actor, { action: "user.password.change", entityType: "User", entityId: user.id, diff: { otherSessionsEnded: ended } });
    return { otherSessionsEnded: ended };
  });
}
