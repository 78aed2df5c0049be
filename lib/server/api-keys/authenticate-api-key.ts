import "server-only";
// Security-sensitive: turns a bearer key into an actor, or refuses it.
import { isRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { API_KEY_PREFIX, hashApiKey } from "@/lib/server/api-keys/create-api-key";

export async function authenticateApiKey(key: string, ip: string | null): Promise<Actor> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) throw new AppError("UNAUTHENTICATED", "Invalid API key.");
  const row = await db().apiKey.findUnique({
    where: { keyHash: hashApiKey(key) },
    select: { id: true, name: true, scopes: true, aiSystemId: true, revokedAt: true, expiresAt: true, lastUsedAt: true, userId: true, user: { select: { role: true, disabledAt: true } } },
  });
  const now = new Date();
  if (!row) throw new AppError("UNAUTHENTICATED", "Invalid API key.");
  if (row.revokedAt) throw new AppError("UNAUTHENTICATED", "This API key has been revoked.");
  if (row.expiresAt && row.expiresAt <= now) throw new AppError("UNAUTHENTICATED", "This API key has expired.");
  if (row.user?.disabledAt) throw new AppError("UNAUTHENTICATED", "The user this API key acts for is disabled.");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return {
    kind: "api_key",
    keyId: row.id,
    name: row.name,
    scopes: row.scopes.split(",").filter(Boolean),
    role: row.user && isRole(row.user.role) ? row.user.role : null,
    userId: row.userId,
    aiSystemId: row.aiSystemId ?? null,
    ip,
  };
}
