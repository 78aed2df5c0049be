import "server-only";
// Security-sensitive: API keys are shown once and stored only as a SHA-256 hash (they are
// 256-bit random, so a slow hash adds nothing).
import { createHash, randomBytes } from "node:crypto";
import { AppError, validationError } from "@/lib/errors";
import { AI_SYSTEM_KEY_SCOPES, createApiKeySchema } from "@/lib/validation/api-keys";
import { actorId, type Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

export const API_KEY_PREFIX = "ocd_";

export function hashApiKey(key: string) {
  return createHash("sha256").update(key).digest("hex");
}

const fail = (path: string, message: string) => new AppError("VALIDATION", "Check the highlighted fields.", [{ path, message }]);

function parseKeyInput(input: unknown) {
  const parsed = createApiKeySchema.safeParse(input);
  if (!parsed.success) throw validationError("Check the highlighted fields.", parsed.error.issues, input);
  return parsed.data;
}

/**
 * Admins and the operator's shell. Separation of duties: a key that acts for a person is
 * created by that person (createOwnApiKey), never by an admin for them, or one admin could
 * hold several reviewers' keys and be "four eyes" alone. The shell may still bind a key
 * (the operator already holds the database); such a key's verdicts do not count as the
 * person's (lib/server/oversight/review-decision.ts).
 */
export async function createApiKey(actor: Actor, input: unknown) {
  await requirePermission(actor, "apikey:manage", { type: "ApiKey" });
  const data = parseKeyInput(input);
  if (data.userEmail && actor.kind !== "system" && !(actor.kind === "user" && actor.email === data.userEmail)) {
    throw fail("userEmail", "a key that acts for a person is created by that person (Account → API keys), not for them");
  }
  return mintKey(actor, data);
}

/** Any signed-in person creates a key that acts for themselves (their role bounds it). */
export async function createOwnApiKey(actor: Actor, input: unknown) {
  await requirePermission(actor, "account:self", { type: "ApiKey" });
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in person creates keys for themselves.");
  const data = parseKeyInput(input);
  if (data.aiSystemId) throw fail("aiSystemId", "a personal key cannot be bound to an AI system");
  return mintKey(actor, { ...data, userEmail: actor.email });
}

async function mintKey(actor: Actor, data: ReturnType<typeof parseKeyInput>) {
  const { name, scopes, userEmail, expiresInDays, aiSystemId } = data;
  // Oversight bindings (issue 6): an AI system's key carries only decisions:read/write and
  // decisions:write needs a system; registry and review keys act for a named person.
  if (aiSystemId && !scopes.every((s) => (AI_SYSTEM_KEY_SCOPES as readonly string[]).includes(s))) {
    throw fail("scopes", `a key bound to an AI system may carry only ${AI_SYSTEM_KEY_SCOPES.join(", ")}`);
  }
  if (scopes.includes("decisions:write") && !aiSystemId) throw fail("aiSystemId", "decisions:write needs the key to be bound to an AI system (--ai-system <id>)");
  if (scopes.includes("oversight:admin") && !userEmail) throw fail("userEmail", "oversight:admin needs the key to be bound to a compliance officer or admin (--user email)");
  if (scopes.includes("decisions:review") && !userEmail) throw fail("userEmail", "decisions:review needs the key to be bound to the reviewer (--user email)");
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return db().$transaction(async (tx) => {
    let userId: string | null = null;
    if (userEmail) {
      const user = await tx.user.findUnique({ where: { email: userEmail }, select: { id: true, disabledAt: true, role: true } });
      if (!user) throw new AppError("NOT_FOUND", `No user with the email ${userEmail}.`);
      if (user.disabledAt) throw new AppError("CONFLICT", `${userEmail} is disabled; a key cannot act for a disabled user.`);
      if (scopes.includes("oversight:admin") && !["admin", "compliance_officer"].includes(user.role)) {
        throw fail("userEmail", "oversight:admin keys must be bound to a compliance officer or admin");
      }
      userId = user.id;
    }
    if (aiSystemId) {
      const system = await tx.aiSystem.findUnique({ where: { id: aiSystemId }, select: { id: true } });
      if (!system) throw new AppError("NOT_FOUND", `No AI system with the id ${aiSystemId}.`);
    }
    const row = await tx.apiKey.create({
      data: {
        name,
        prefix: key.slice(0, 12),
        keyHash: hashApiKey(key),
        scopes: [...new Set(scopes)].sort().join(","),
        userId,
        aiSystemId: aiSystemId ?? null,
        createdById: actorId(actor),
        expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
      },
    });
    await appendAudit(tx, actor, { action: "apikey.create", entityType: "ApiKey", entityId: row.id, diff: { name, scopes, userEmail: userEmail ?? null, aiSystemId: aiSystemId ?? null } });
    return { id: row.id, name, prefix: row.prefix, scopes: row.scopes.split(","), aiSystemId: aiSystemId ?? null, key };
  });
}
