import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

export async function listApiKeys(actor: Actor) {
  await requirePermission(actor, "apikey:read");
  const keys = await db().apiKey.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes.split(","),
    userEmail: k.user?.email ?? null,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    expiresAt: k.expiresAt?.toISOString() ?? null,
  }));
}

export async function revokeApiKey(actor: Actor, keyId: string) {
  await requirePermission(actor, "apikey:manage", { type: "ApiKey", id: keyId });
  return db().$transaction(async (tx) => {
    const res = await tx.apiKey.updateMany({ where: { id: keyId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (res.count === 0) {
      const exists = await tx.apiKey.findUnique({ where: { id: keyId }, select: { id: true } });
      throw new AppError(exists ? "CONFLICT" : "NOT_FOUND", exists ? "This key is already revoked." : "No such API key.");
    }
    await appendAudit(tx, actor, { action: "apikey.revoke", entityType: "ApiKey", entityId: keyId });
  });
}
