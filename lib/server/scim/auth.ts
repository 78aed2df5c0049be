import "server-only";
// Security-sensitive: the SCIM client's bearer token. Either SCIM_TOKEN from the
// environment (compared in constant time) or a token an admin minted, of which only the
// SHA-256 is stored. No cookie is ever accepted here.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { ScimError } from "@/lib/scim/protocol";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

const sha256 = (s: string) => createHash("sha256").update(s).digest();

export async function authenticateScim(req: Request): Promise<Actor> {
  const m = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,200})$/i.exec(req.headers.get("authorization") ?? "");
  if (!m?.[1]) throw new ScimError(401, "A valid bearer token is required.");
  const digest = sha256(m[1]);
  const fromEnv = env().SCIM_TOKEN;
  if (fromEnv && timingSafeEqual(sha256(fromEnv), digest)) return { kind: "system", label: "scim:env-token" };
  // Looked up by its hash: the comparison happens on a digest the caller cannot steer.
  const row = await db().scimToken.findUnique({ where: { tokenHash: digest.toString("hex") } });
  if (!row || row.revokedAt) throw new ScimError(401, "A valid bearer token is required.");
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().scimToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { kind: "system", label: `scim:${row.name}` };
}

const nameSchema = z.string().trim().min(1, "is required").max(80, "must be at most 80 characters");

/** Mints a SCIM token; the clear token is returned once and never stored. */
export async function mintScimToken(actor: Actor, nameInput: unknown) {
  await requirePermission(actor, "apikey:manage");
  const name = nameSchema.safeParse(nameInput);
  if (!name.success) throw new AppError("VALIDATION", `Name ${name.error.issues[0]?.message}.`);
  const token = `scim_${randomBytes(32).toString("base64url")}`;
  const createdById = actor.kind === "user" ? actor.userId : null;
  const row = await db().$transaction(async (tx) => {
    const created = await tx.scimToken.create({ data: { name: name.data, prefix: token.slice(0, 12), tokenHash: sha256(token).toString("hex"), createdById } });
    await appendAudit(tx, actor, { action: "scim.token.create", entityType: "ScimToken", entityId: created.id, diff: { name: name.data } });
    return created;
  });
  return { id: row.id, name: row.name, prefix: row.prefix, token };
}

export async function revokeScimToken(actor: Actor, id: string) {
  await requirePermission(actor, "apikey:manage");
  await db().$transaction(async (tx) => {
    const res = await tx.scimToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (res.count === 0) throw new AppError("NOT_FOUND", "No such active SCIM token.");
    await appendAudit(tx, actor, { action: "scim.token.revoke", entityType: "ScimToken", entityId: id });
  });
}

export async function listScimTokens(actor: Actor) {
  await requirePermission(actor, "apikey:read");
  return db().scimToken.findMany({ orderBy: { createdAt: "desc" }, take: 50, select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } });
}
