import "server-only";
// SCIM Groups: membership is what gives a provisioned person their role, through the same
// OIDC_ROLE_MAP as sign-in. Every membership change recomputes the role of the people it
// touched, in the same transaction, and a role change ends their sessions.
import { isUniqueViolation, UNIQUE_CONFLICT_MESSAGE } from "@/lib/errors";
import { listResponse, parseEqFilter, parseOrScimError, patchMemberIds, patchSchema, ScimError, scimGroupSchema } from "@/lib/scim/protocol";
import { roleForGroups } from "@/lib/sso/role-map";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { db, type Tx } from "@/lib/server/db";
import { applyMappedRole, roleMap } from "@/lib/server/sso/provisioning";
import { scimGroup } from "@/lib/server/scim/resources";
import { revokeUserSessions } from "@/lib/server/users/sessions";

async function present(tx: Tx, base: string, id: string) {
  const group = await tx.scimGroup.findUnique({ where: { id } });
  if (!group) throw new ScimError(404, `No group with id ${id}.`, "noTarget");
  const members = await tx.user.findMany({ where: { id: { in: (await tx.scimGroupMember.findMany({ where: { groupId: id }, select: { userId: true } })).map((m) => m.userId) } }, select: { id: true, email: true }, orderBy: { email: "asc" } });
  return scimGroup(base, group, members);
}

const NAME_TAKEN = () => new ScimError(409, "A group with this displayName already exists.", "uniqueness");

/** A unique violation is a 409, never a 500: on create/replace it is the name; in a PATCH, a concurrent membership change. */
async function unique<T>(work: () => Promise<T>, conflict: () => ScimError = NAME_TAKEN): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict();
    throw e;
  }
}

async function assertUsersExist(tx: Tx, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await tx.user.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw new ScimError(400, "A member is not a user of this service.", "invalidValue");
}

/** Gives each touched person the role their groups now map to (decision 620). */
async function recomputeRoles(tx: Tx, actor: Actor, userIds: Iterable<string>) {
  // Sorted, so two transactions lock people in the same order (no deadlock).
  for (const userId of [...new Set(userIds)].sort()) {
    // The write locks the person's row first (PostgreSQL), so a concurrent membership change
    // for them waits, and the read below sees what it committed: the role always follows the
    // final memberships (decision 006).
    const locked = await tx.user.updateMany({ where: { id: userId }, data: { version: { increment: 1 } } });
    if (locked.count === 0) continue;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, role: true } });
    const groups = await tx.scimGroup.findMany({ where: { members: { some: { userId } } }, select: { displayName: true } });
    const role = roleForGroups(roleMap(), groups.map((g) => g.displayName));
    if (role) {
      await applyMappedRole(tx, actor, user, role, "scim_groups");
    } else {
      // No mapped group left: SSO refuses them from now on, and what they had open ends now.
      const ended = await revokeUserSessions(tx, userId, "groups_unmapped");
      await appendAudit(tx, actor, { action: "user.sso.unmapped", entityType: "User", entityId: userId, diff: { sessionsEnded: ended } });
    }
  }
}

async function setMembers(tx: Tx, groupId: string, add: string[], remove: string[]) {
  await assertUsersExist(tx, add);
  if (remove.length) await tx.scimGroupMember.deleteMany({ where: { groupId, userId: { in: remove } } });
  const existing = new Set((await tx.scimGroupMember.findMany({ where: { groupId, userId: { in: add } }, select: { userId: true } })).map((m) => m.userId));
  const fresh = [...new Set(add)].filter((id) => !existing.has(id));
  if (fresh.length) await tx.scimGroupMember.createMany({ data: fresh.map((userId) => ({ groupId, userId })) });
}

export async function listGroups(base: string, params: URLSearchParams, paging: { startIndex: number; count: number }) {
  const filter = parseEqFilter(params.get("filter"), ["displayName", "externalId"]);
  const where = filter ? { [filter.attribute]: filter.value } : {};
  const [total, rows] = await Promise.all([
    db().scimGroup.count({ where }),
    db().scimGroup.findMany({ where, orderBy: { createdAt: "asc" }, skip: paging.startIndex - 1, take: paging.count, select: { id: true } }),
  ]);
  const resources = await db().$transaction(async (tx) => Promise.all(rows.map((r) => present(tx, base, r.id))));
  return listResponse(resources, total, paging.startIndex);
}

export async function getGroup(base: string, id: string) {
  return db().$transaction((tx) => present(tx, base, id));
}

export async function createGroup(actor: Actor, base: string, body: unknown) {
  const input = parseOrScimError(scimGroupSchema, body);
  return unique(() =>
    db().$transaction(async (tx) => {
      const group = await tx.scimGroup.create({ data: { displayName: input.displayName, externalId: input.externalId ?? null } });
      const members = (input.members ?? []).map((m) => m.value);
      await setMembers(tx, group.id, members, []);
      await appendAudit(tx, actor, { action: "scim.group.create", entityType: "ScimGroup", entityId: group.id, diff: { displayName: input.displayName, members: members.length } });
      await recomputeRoles(tx, actor, members);
      return present(tx, base, group.id);
    }),
  );
}

export async function replaceGroup(actor: Actor, base: string, id: string, body: unknown) {
  const input = parseOrScimError(scimGroupSchema, body);
  return unique(() =>
    db().$transaction(async (tx) => {
      const before = (await tx.scimGroupMember.findMany({ where: { groupId: id }, select: { userId: true } })).map((m) => m.userId);
      await tx.scimGroup.update({ where: { id }, data: { displayName: input.displayName, externalId: input.externalId ?? null, version: { increment: 1 } } }).catch((e) => {
        if (isUniqueViolation(e)) throw e;
        throw new ScimError(404, `No group with id ${id}.`, "noTarget");
      });
      const after = (input.members ?? []).map((m) => m.value);
      await setMembers(tx, id, after, before.filter((u) => !after.includes(u)));
      await appendAudit(tx, actor, { action: "scim.group.replace", entityType: "ScimGroup", entityId: id, diff: { displayName: input.displayName, members: after.length } });
      // A renamed group can map to another role, so everyone in it before or after is recomputed.
      await recomputeRoles(tx, actor, [...before, ...after]);
      return present(tx, base, id);
    }),
  );
}

/** PATCH: add/remove members (by list or `members[value eq "id"]`), replace displayName or members. */
export async function patchGroup(actor: Actor, base: string, id: string, body: unknown) {
  const { Operations } = parseOrScimError(patchSchema, body);
  return unique(() =>
    db().$transaction(async (tx) => {
      const group = await tx.scimGroup.findUnique({ where: { id } });
      if (!group) throw new ScimError(404, `No group with id ${id}.`, "noTarget");
      const touched: string[] = [];
      const added: string[] = [];
      const removed: string[] = [];
      for (const op of Operations) {
        const path = op.path?.toLowerCase() ?? "";
        const value = op.value as Record<string, unknown> | undefined;
        if (op.op === "replace" && (path === "displayname" || (!path && typeof value?.displayName === "string"))) {
          const name = parseOrScimError(scimGroupSchema.shape.displayName, path ? op.value : value?.displayName);
          const taken = await tx.scimGroup.findUnique({ where: { displayName: name }, select: { id: true } });
          if (taken && taken.id !== id) throw NAME_TAKEN();
          await tx.scimGroup.update({ where: { id }, data: { displayName: name, version: { increment: 1 } } });
          touched.push(...(await tx.scimGroupMember.findMany({ where: { groupId: id }, select: { userId: true } })).map((m) => m.userId));
          if (path) continue;
        }
        if (path && !path.startsWith("members") && path !== "displayname") throw new ScimError(400, `Path ${op.path} is not supported on groups.`, "invalidPath");
        if (path === "displayname") continue;
        if (!path && !(value && "members" in value)) continue;
        if (op.op === "remove" && path === "members") {
          // RFC 7644 §3.5.2.2: remove on "members" without a value filter empties the group.
          const all = op.value === undefined ? (await tx.scimGroupMember.findMany({ where: { groupId: id }, select: { userId: true } })).map((m) => m.userId) : patchMemberIds(op);
          await setMembers(tx, id, [], all);
          removed.push(...all);
          continue;
        }
        const ids = patchMemberIds(op);
        if (op.op === "replace") {
          const before = (await tx.scimGroupMember.findMany({ where: { groupId: id }, select: { userId: true } })).map((m) => m.userId);
          await setMembers(tx, id, ids, before.filter((u) => !ids.includes(u)));
          removed.push(...before);
          added.push(...ids);
        } else if (op.op === "add") {
          await setMembers(tx, id, ids, []);
          added.push(...ids);
        } else {
          await setMembers(tx, id, [], ids);
          removed.push(...ids);
        }
      }
      await tx.scimGroup.update({ where: { id }, data: { version: { increment: 1 } } });
      await appendAudit(tx, actor, { action: "scim.group.patch", entityType: "ScimGroup", entityId: id, diff: { added: [...new Set(added)].length, removed: [...new Set(removed)].length } });
      await recomputeRoles(tx, actor, [...touched, ...added, ...removed]);
      return present(tx, base, id);
    }),
    () => new ScimError(409, UNIQUE_CONFLICT_MESSAGE),
  );
}
