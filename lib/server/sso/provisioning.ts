import "server-only";
// What OIDC sign-in and SCIM share: the role map from the environment, and applying a
// role or a deactivation that came from the identity provider. Both end the person's
// sessions at once, exactly as an admin's role change and `user:disable` do.
import { env } from "@/lib/env";
import { parseRoleMap, type RoleMap } from "@/lib/sso/role-map";
import type { Role } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/server/actor";
import type { Tx } from "@/lib/server/db";
import { applyDisabled, applyRoleChange } from "@/lib/server/users/manage-user";

export const SSO_ACTOR: Actor = { kind: "system", label: "sso" };

let cachedMap: { spec: string; map: RoleMap } | undefined;

export function roleMap(): RoleMap {
  const spec = env().OIDC_ROLE_MAP;
  if (cachedMap?.spec !== spec) cachedMap = { spec, map: parseRoleMap(spec) };
  return cachedMap.map;
}

/** Sets the role the IdP's groups give; a change ends the user's sessions. Returns whether it changed. */
export async function applyMappedRole(tx: Tx, actor: Actor, user: { id: string; role: string }, role: Role, source: string) {
  if (user.role === role) return false;
  await applyRoleChange(tx, actor, user, role, { source });
  return true;
}

/** Deactivates (or reactivates) a provisioned user through `user:disable`'s own path. */
export async function applyActive(tx: Tx, actor: Actor, user: { id: string; role: string; disabledAt: Date | null }, active: boolean) {
  if (active === !user.disabledAt) return;
  await applyDisabled(tx, actor, user, !active);
}
