import "server-only";
// Security-sensitive: the server-side permission check. Deny by default.
import { roleHas, scopesGrant, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit/append";

export function can(actor: Actor, permission: Permission): boolean {
  switch (actor.kind) {
    case "system":
      return true; // the operator's shell (admin CLI) and background jobs
    case "user":
      // Until a user who must use MFA has enrolled, they may only manage their own account.
      if (actor.mfaEnrolmentRequired && permission !== "account:self") return false;
      return roleHas(actor.role, permission);
    case "api_key":
      if (!scopesGrant(actor.scopes, permission)) return false;
      return actor.userId ? roleHas(actor.role, permission) : true;
    case "anonymous":
      return false;
  }
}

export async function requirePermission(actor: Actor, permission: Permission, entity?: { type: string; id?: string }) {
  if (can(actor, permission)) return;
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  await recordAudit(actor, {
    action: "permission.denied",
    entityType: entity?.type ?? null,
    entityId: entity?.id ?? null,
    diff: { permission },
  });
  throw new AppError("FORBIDDEN", `You do not have permission to do this (${permission}).`);
}
