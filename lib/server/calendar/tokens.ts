import "server-only";
// Calendar subscription tokens: one per user, 256 random bits, only the SHA-256 kept
// (a database reader cannot subscribe as anyone). The URL is shown once when made;
// regenerating replaces the token (the old URL stops at once) and revoking deletes it.
// Both are audited. The token is the whole credential of GET /calendar/<token>.ics.
import { createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

export const hashCalendarToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export function appOrigin(): string {
  return (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

function selfId(actor: Actor): string {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "A calendar feed belongs to a signed-in person.");
  return actor.userId;
}

/** Creates or replaces the caller's token; returns the subscription URL (shown once). */
export async function regenerateCalendarToken(actor: Actor) {
  await requirePermission(actor, "account:self", { type: "CalendarToken" });
  const userId = selfId(actor);
  const token = `cal_${randomBytes(32).toString("base64url")}`;
  const tokenHash = hashCalendarToken(token);
  return db().$transaction(async (tx) => {
    const before = await tx.calendarToken.findUnique({ where: { userId }, select: { userId: true } });
    await tx.calendarToken.upsert({ where: { userId }, create: { userId, tokenHash }, update: { tokenHash, createdAt: new Date() } });
    await appendAudit(tx, actor, { action: before ? "calendar.token.regenerate" : "calendar.token.create", entityType: "CalendarToken", entityId: userId });
    return { url: `${appOrigin()}/calendar/${token}.ics` };
  });
}

export async function revokeCalendarToken(actor: Actor) {
  await requirePermission(actor, "account:self", { type: "CalendarToken" });
  const userId = selfId(actor);
  return db().$transaction(async (tx) => {
    const res = await tx.calendarToken.deleteMany({ where: { userId } });
    if (res.count === 0) throw new AppError("NOT_FOUND", "You have no calendar feed to revoke.");
    await appendAudit(tx, actor, { action: "calendar.token.revoke", entityType: "CalendarToken", entityId: userId });
    return { revoked: true as const };
  });
}

export async function calendarTokenStatus(actor: Actor) {
  const userId = selfId(actor);
  const row = await db().calendarToken.findUnique({ where: { userId }, select: { createdAt: true } });
  return row ? { active: true as const, createdAt: row.createdAt.toISOString() } : { active: false as const };
}
