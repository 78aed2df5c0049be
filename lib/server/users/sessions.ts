import "server-only";
// Security-sensitive: server-side sessions. The signed JWT only carries a session id;
// this row decides whether the session is alive, so sign-out, a password change, a role
// change and disabling a user end sessions at once (a JWT alone cannot be revoked).
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { db, type Tx } from "@/lib/server/db";

export async function createSession(
  tx: Tx,
  input: { userId: string; ip: string | null; userAgent: string | null; mfaPassed: boolean; authMethod?: "password" | "oidc" },
) {
  const id = randomBytes(32).toString("base64url");
  const now = new Date();
  await tx.authSession.create({
    data: {
      id,
      userId: input.userId,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      mfaPassed: input.mfaPassed,
      authMethod: input.authMethod ?? "password",
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + env().SESSION_MAX_HOURS * 3600_000),
    },
  });
  return id;
}

export type LiveSession = {
  id: string;
  userId: string;
  mfaPassed: boolean;
  authMethod: string;
  user: { id: string; email: string; name: string; role: string; mfaEnabledAt: Date | null };
};

/** Returns the session if it is alive, refreshing its idle clock; null otherwise. */
export async function validateSession(id: string, now = new Date()): Promise<LiveSession | null> {
  const row = await db().authSession.findUnique({
    where: { id },
    select: {
      id: true,
      userId: true,
      mfaPassed: true,
      authMethod: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, mfaEnabledAt: true, disabledAt: true } },
    },
  });
  if (!row || row.revokedAt || row.user.disabledAt) return null;
  if (row.expiresAt <= now) return null;
  const idleMs = env().SESSION_IDLE_MINUTES * 60_000;
  if (now.getTime() - row.lastSeenAt.getTime() > idleMs) {
    await db().authSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokedWhy: "idle_timeout" } });
    return null;
  }
  // Writing on every request would make reads write; a minute of slack is harmless.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db().authSession.update({ where: { id }, data: { lastSeenAt: now } });
  }
  return { id: row.id, userId: row.userId, mfaPassed: row.mfaPassed, authMethod: row.authMethod, user: row.user };
}

export async function revokeSession(tx: Tx, id: string, why: string) {
  return tx.authSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date(), revokedWhy: why } });
}

export async function revokeUserSessions(tx: Tx, userId: string, why: string, exceptSessionId?: string) {
  const res = await tx.authSession.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: new Date(), revokedWhy: why },
  });
  return res.count;
}
