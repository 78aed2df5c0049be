import "server-only";
// What OIDC sign-in and SCIM share: the role map from the environment, and applying a
// role or a deactivation that came from the identity provider. Both end the person's
// sessions at once, exactly as an admin's role change and `user:disable` do.
import { env } from "@/lib/env";
import { parseRoleMap, type RoleMap } from "@/lib/sso/role-map";
import type { Role } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import type { Tx } from "@/lib/server/db";
import { assertNotLastAdmin } from "@/lib/server/users/manage-user";
import { revokeUserSessions } from "@/lib/server/users/sessions";

export const SSO_ACTOR: Actor = { kind: "system", label: "sso" };
export const SCIM_ACTOR: Actor = { kind: "system", label: "scim" };

let cachedMap: { spec: string; map: RoleMap } | undefined;

export function roleMap(): RoleMap {
  const spec = env().OIDC_ROLE_MAP;
  if (cachedMap?.spec !== spec) cachedMap = { spec, map: parseRoleMap(spec) };
  return cachedMap.map;
}

/** Sets the role the IdP's groups give; a change ends the user's sessions. Returns whether it changed. */
export async function applyMappedRole(tx: Tx, actor: Actor, user: { id: string; role: string }, role: Role, source: string) {
  if (user.role === role) return false;
  if (user.role === "admin") await assertNotLastAdmin(tx, user.id);
  await tx.user.update({ where: { id: user.id }, data: { role, version: { increment: 1 } } });
  const ended = await revokeUserSessions(tx, user.id, "role_changed");
  await appendAudit(tx, actor, { action: "user.role.change", entityType: "User", entityId: user.id, diff: { before: user.role, after: role, source, sessionsEnded: ended } });
  return true;
}

/** Deactivates (or reactivates) a provisioned user; deactivating ends every session at once. */
export async function applyActive(tx: Tx, actor: Actor, user: { id: string; role: string; disabledAt: Date | null }, active: boolean) {
  if (active === !user.disabledAt) return;
  if (!active && user.role === "admin") await assertNotLastAdmin(tx, user.id);
  await tx.user.update({ where: { id: user.id }, data: { disabledAt: active ? null : new Date(), version: { increment: 1 } } });
  const ended = active ? 0 : await revokeUserSessions(tx, user.id, "user_disabled");
  await appendAudit(tx, actor, { action: active ? "user.enable" : "user.disable", entityType: "User", entityId: user.id, diff: { sessionsEnded: ended } });
}
