import "server-only";
// SCIM Users (RFC 7644 §3): provisioning writes, each audited with the SCIM actor in the
// same transaction. Deactivation ends the person's sessions at once (provisioning.ts).
import { isUniqueViolation } from "@/lib/errors";
import { parseEqFilter, parseOrScimError, ScimError, scimUserSchema, type PatchOp, type ScimUserInput, patchSchema, listResponse } from "@/lib/scim/protocol";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { db, type Tx } from "@/lib/server/db";
import { applyActive } from "@/lib/server/sso/provisioning";
import { scimUser } from "@/lib/server/scim/resources";

const SCIM = "scim";

// A provisioned person has no password: they sign in through the IdP, and until a
// mapped group gives them a role they hold the least one (decision 620).
const PLACEHOLDER_ROLE = "auditor";

async function load(tx: Tx, id: string) {
  const user = await tx.user.findUnique({ where: { id } });
  if (!user) throw new ScimError(404, `No user with id ${id}.`, "noTarget");
  return user;
}

async function present(tx: Tx, base: string, id: string) {
  const user = await load(tx, id);
  const ext = await tx.externalIdentity.findUnique({ where: { provider_userId: { provider: SCIM, userId: id } } });
  const groups = await tx.scimGroup.findMany({ where: { members: { some: { userId: id } } }, select: { id: true, displayName: true }, orderBy: { displayName: "asc" } });
  return scimUser(base, user, { externalId: ext?.subject, groups });
}

const displayName = (u: ScimUserInput) => (u.displayName ?? u.name?.formatted ?? [u.name?.givenName, u.name?.familyName].filter(Boolean).join(" ")).trim() || u.userName;

async function unique<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) throw new ScimError(409, "A user with this userName or externalId already exists.", "uniqueness");
    throw e;
  }
}

async function setExternalId(tx: Tx, userId: string, externalId: string | undefined) {
  if (externalId === undefined) return;
  await tx.externalIdentity.deleteMany({ where: { provider: SCIM, userId } });
  if (externalId) await tx.externalIdentity.create({ data: { provider: SCIM, subject: externalId, userId } });
}

export async function listUsers(base: string, params: URLSearchParams, paging: { startIndex: number; count: number }) {
  const filter = parseEqFilter(params.get("filter"), ["userName", "externalId"]);
  const where =
    filter?.attribute === "userName"
      ? { email: filter.value.toLowerCase() }
      : filter?.attribute === "externalId"
        ? { id: (await db().externalIdentity.findUnique({ where: { provider_subject: { provider: SCIM, subject: filter.value } } }))?.userId ?? "-" }
        : {};
  const [total, rows] = await Promise.all([
    db().user.count({ where }),
    db().user.findMany({ where, orderBy: { createdAt: "asc" }, skip: paging.startIndex - 1, take: paging.count, select: { id: true } }),
  ]);
  const resources = await db().$transaction(async (tx) => Promise.all(rows.map((r) => present(tx, base, r.id))));
  return listResponse(resources, total, paging.startIndex);
}

export async function getUser(base: string, id: string) {
  return db().$transaction((tx) => present(tx, base, id));
}

export async function createUser(actor: Actor, base: string, body: unknown) {
  const input = parseOrScimError(scimUserSchema, body);
  return unique(() =>
    db().$transaction(async (tx) => {
      const email = input.userName.toLowerCase();
      const user = await tx.user.create({ data: { email, name: displayName(input), role: PLACEHOLDER_ROLE, passwordHash: "", disabledAt: input.active === false ? new Date() : null } });
      await setExternalId(tx, user.id, input.externalId);
      await appendAudit(tx, actor, { action: "user.create", entityType: "User", entityId: user.id, diff: { email, source: "scim", active: input.active !== false } });
      return present(tx, base, user.id);
    }),
  );
}

type UserChange = { email?: string; name?: string; active?: boolean; externalId?: string };

async function applyChange(actor: Actor, base: string, id: string, change: UserChange) {
  return unique(() =>
    db().$transaction(async (tx) => {
      const user = await load(tx, id);
      const data: { email?: string; name?: string } = {};
      if (change.email !== undefined && change.email !== user.email) data.email = change.email;
      if (change.name !== undefined && change.name !== user.name) data.name = change.name;
      if (Object.keys(data).length) {
        await tx.user.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
        await appendAudit(tx, actor, { action: "user.update", entityType: "User", entityId: id, diff: { ...data, source: "scim" } });
      }
      await setExternalId(tx, id, change.externalId);
      if (change.active !== undefined) await applyActive(tx, actor, user, change.active);
      return present(tx, base, id);
    }),
  );
}

export async function replaceUser(actor: Actor, base: string, id: string, body: unknown) {
  const input = parseOrScimError(scimUserSchema, body);
  return applyChange(actor, base, id, { email: input.userName.toLowerCase(), name: displayName(input), active: input.active ?? true, externalId: input.externalId ?? "" });
}

/** PATCH on a user: replace/add of userName, displayName, name.formatted, externalId, active. */
export async function patchUser(actor: Actor, base: string, id: string, body: unknown) {
  const { Operations } = parseOrScimError(patchSchema, body);
  const change: UserChange = {};
  for (const op of Operations) applyUserOp(change, op);
  return applyChange(actor, base, id, change);
}

function applyUserOp(change: UserChange, op: PatchOp) {
  if (op.op === "remove") throw new ScimError(400, "Removing user attributes is not supported; set active to false to deactivate.", "mutability");
  const values: Record<string, unknown> = op.path ? { [op.path]: op.value } : ((op.value ?? {}) as Record<string, unknown>);
  if (typeof values !== "object" || values === null) throw new ScimError(400, "A PATCH without a path needs an object value.", "invalidValue");
  for (const [path, value] of Object.entries(values)) {
    const key = path.toLowerCase();
    if (key === "active") {
      // Some clients (Entra ID) send the boolean as a string.
      if (value === true || value === "True" || value === "true") change.active = true;
      else if (value === false || value === "False" || value === "false") change.active = false;
      else throw new ScimError(400, "active must be true or false.", "invalidValue");
    } else if (key === "username") {
      change.email = parseOrScimError(scimUserSchema.shape.userName, value).toLowerCase();
    } else if (key === "displayname" || key === "name.formatted") {
      if (typeof value !== "string" || !value.trim() || value.length > 200) throw new ScimError(400, `${path} must be a non-empty string.`, "invalidValue");
      change.name = value.trim();
    } else if (key === "externalid") {
      if (typeof value !== "string" || value.length > 200) throw new ScimError(400, "externalId must be a string.", "invalidValue");
      change.externalId = value;
    } else if (key === "schemas" || key === "id" || key === "meta") {
      throw new ScimError(400, `${path} is read-only.`, "mutability");
    } else {
      throw new ScimError(400, `Attribute ${path} is not supported.`, "invalidPath");
    }
  }
}

/** DELETE deactivates: the account and its audit history stay, its sessions end, its groups go. */
export async function deleteUser(actor: Actor, id: string) {
  await db().$transaction(async (tx) => {
    const user = await load(tx, id);
    await applyActive(tx, actor, user, false);
    await tx.scimGroupMember.deleteMany({ where: { userId: id } });
    await appendAudit(tx, actor, { action: "user.deprovision", entityType: "User", entityId: id, diff: { source: "scim" } });
  });
}
