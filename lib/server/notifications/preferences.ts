import "server-only";
// A person's own notification settings (account page), audited.
import { z } from "zod";
import { AppError, validationError } from "@/lib/errors";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { preferencesOf, type Preferences } from "@/lib/server/notifications/recipients";

export const preferencesSchema = z.object({
  enabled: z.array(z.enum(NOTIFICATION_KINDS, { error: "is not a kind of email" })).max(NOTIFICATION_KINDS.length),
  digest: z.boolean(),
});

export async function getMyPreferences(actor: Actor): Promise<Preferences> {
  await requirePermission(actor, "account:self");
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in person has notification settings.");
  return (await preferencesOf(db(), [actor.userId])).get(actor.userId)!;
}

export async function updateMyPreferences(actor: Actor, input: unknown): Promise<Preferences> {
  await requirePermission(actor, "account:self");
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in person has notification settings.");
  const parsed = preferencesSchema.safeParse(input);
  if (!parsed.success) throw validationError("Check the highlighted fields.", parsed.error.issues, input);
  const disabled = NOTIFICATION_KINDS.filter((k) => !parsed.data.enabled.includes(k));
  return db().$transaction(async (tx) => {
    const before = (await preferencesOf(tx, [actor.userId])).get(actor.userId)!;
    const data = { disabled: JSON.stringify(disabled), digest: parsed.data.digest };
    await tx.notificationPreference.upsert({ where: { userId: actor.userId }, create: { userId: actor.userId, ...data }, update: data });
    await appendAudit(tx, actor, { action: "account.notifications.update", entityType: "User", entityId: actor.userId, diff: { before, after: { disabled, digest: parsed.data.digest } } });
    return { disabled, digest: parsed.data.digest };
  });
}
