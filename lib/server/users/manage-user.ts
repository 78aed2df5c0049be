import "server-only";
// Admin changes to another user's account. Each ends that user's sessions where the
// change alters what they may do, so it takes effect at once.
import { ROLES, type Role } from "@/lib/auth/permissions";
import { AppError, validationError } from "@/lib/errors";
import { roleSchema, emailSchema } from "@/lib/validation/users";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";
import { revokeUserSessions } from "@/lib/server/users/sessions";
import { toUserDto } from "@/lib/server/users/user-dto";

async function loadUser(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  return user;
}

/** At least one enabled admin must remain, or nobody could manage the system. */
async function assertNotLastAdmin(tx: Tx, userId: string) {
  const others = await tx.user.count({ where: { role: "admin", disabledAt: null, id: { not: userId } } });
  if (others === 0) throw new AppError("CONFLICT", "This is the last enabled admin; make someone else admin first.");
}

/**
 * The role change itself, inside the caller's transaction: the admin form, SSO sign-in and
 * SCIM groups all come through here, so each ends the person's sessions the same way.
 */
export async function applyRoleChange(tx: Tx, actor: Actor, user: { id: string; role: string }, role: Role, diff: Record<string, unknown> = {}) {
  if (user.role === "admin") await assertNotLastAdmin(tx, user.id);
  const updated = await tx.user.update({ where: { id: user.id }, data: { role, version: { increment: 1 } } });
  const ended = await revokeUserSessions(tx, user.id, "role_changed");
  await appendAudit(tx, actor, { action: "user.role.change", entityType: "User", entityId: user.id, diff: { before: user.role, after: role, ...diff, sessionsEnded: ended } });
  return updated;
}

/** `user:disable` inside the caller's transaction (the admin form, the CLI and SCIM deprovisioning): disabling ends every session at once. */
export async function applyDisabled(tx: Tx, actor: Actor, user: { id: string; role: string }, disabled: boolean) {
  if (disabled && user.role === "admin") await assertNotLastAdmin(tx, user.id);
  const updated = await tx.user.update({ where: { id: user.id }, data: { disabledAt: disabled ? new Date() : null, version: { increment: 1 } } });
  const ended = disabled ? await revokeUserSessions(tx, user.id, "user_disabled") : 0;
  await appendAudit(tx, actor, { action: disabled ? "user.disable" : "user.enable", entityType: "User", entityId: user.id, diff: { sessionsEnded: ended } });
  return updated;
}

export async function changeUserRole(actor: Actor, userId: string, roleInput: unknown) {
  await requirePermission(actor, "user:manage", { type: "User", id: userId });
  const role = roleSchema.safeParse(roleInput);
  // Worded by the form from the issue (Role "x" must be one of Admin, …), not zod's default.
  if (!role.success) throw validationError(`Role must be one of: ${ROLES.join(", ")}.`, role.error.issues.map((i) => ({ ...i, path: ["role"] })), { role: roleInput });
  return db().$transaction(async (tx) => {
    const user = await loadUser(tx, userId);
    if (user.role === role.data) return toUserDto(user);
    return toUserDto(await applyRoleChange(tx, actor, user, role.data));
  });
}

export async function setUserDisabled(actor: Actor, userId: string, disabled: boolean) {
  await requirePermission(actor, "user:manage", { type: "User", id: userId });
  if (actor.kind === "user" && actor.userId === userId && disabled) {
    throw new AppError("CONFLICT", "You cannot disable your own account.");
  }
  return db().$transaction(async (tx) => {
    return toUserDto(await applyDisabled(tx, actor, await loadUser(tx, userId), disabled));
  });
}

export async function resetUserMfa(actor: Actor, userId: string) {
  await requirePermission(actor, "user:manage", { type: "User", id: userId });
  return db().$transaction(async (tx) => {
    await loadUser(tx, userId);
    const updated = await tx.user.update({ where: { id: userId }, data: { mfaSecretEnc: null, mfaEnabledAt: null, mfaLastStep: 0 } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    const ended = await revokeUserSessions(tx, userId, "mfa_reset");
    await appendAudit(tx, actor, { action: "user.mfa.reset", entityType: "User", entityId: userId, diff: { sessionsEnded: ended } });
    return toUserDto(updated);
  });
}

export async function unlockUser(actor: Actor, userId: string) {
  await requirePermission(actor, "user:manage", { type: "User", id: userId });
  return db().$transaction(async (tx) => {
    await loadUser(tx, userId);
    const updated = await tx.user.update({ where: { id: userId }, data: { lockedUntil: null, failedLogins: 0 } });
    await appendAudit(tx, actor, { action: "user.unlock", entityType: "User", entityId: userId });
    return toUserDto(updated);
  });
}

export async function findUserIdByEmail(actor: Actor, emailInput: string) {
  await requirePermission(actor, "user:read");
  const email = emailSchema.safeParse(emailInput);
  if (!email.success) throw new AppError("VALIDATION", `Email ${email.error.issues[0]?.message}.`);
  const user = await db().user.findUnique({ where: { email: email.data }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", `No user with the email ${email.data}.`);
  return user.id;
}
