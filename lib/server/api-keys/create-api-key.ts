import "server-only";
// Security-sensitive: API keys are shown once and stored only as a SHA-256 hash (they are
// 256-bit random, so a slow hash adds nothing).
import { createHash, randomBytes } from "node:crypto";
import { AppError, zodDetails } from "@/lib/errors";
import { createApiKeySchema } from "@/lib/validation/api-keys";
import { actorId, type Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

export const API_KEY_PREFIX = "ocd_";

export function hashApiKey(key: string) {
  return createHash("sha256").update(key).digest("hex");
}

export async function createApiKey(actor: Actor, input: unknown) {
  await requirePermission(actor, "apikey:manage", { type: "ApiKey" });
  const parsed = createApiKeySchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Check the highlighted fields.", zodDetails(parsed.error.issues));
  const { name, scopes, userEmail, expiresInDays } = parsed.data;
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return db().$transaction(async (tx) => {
    let userId: string | null = null;
    if (userEmail) {
      const user = await tx.user.findUnique({ where: { email: userEmail }, select: { id: true, disabledAt: true } });
      if (!user) throw new AppError("NOT_FOUND", `No user with the email ${userEmail}.`);
      if (user.disabledAt) throw new AppError("CONFLICT", `${userEmail} is disabled; a key cannot act for a disabled user.`);
      userId = user.id;
    }
    const row = await tx.apiKey.create({
      data: {
        name,
        prefix: key.slice(0, 12),
        keyHash: hashApiKey(key),
        scopes: [...new Set(scopes)].sort().join(","),
        userId,
        createdById: actorId(actor),
        expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
      },
    });
    await appendAudit(tx, actor, { action: "apikey.create", entityType: "ApiKey", entityId: row.id, diff: { name, scopes, userEmail: userEmail ?? null } });
    return { id: row.id, name, prefix: row.prefix, scopes: row.scopes.split(","), key };
  });
}
