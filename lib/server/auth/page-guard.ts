import "server-only";
// For pages: the signed-in actor if they hold the permission; otherwise the denial is
// audited and the page renders a refusal (never the data).
import type { Permission } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { requirePermission } from "@/lib/server/authz";
import { requireActor, type UserActor } from "@/lib/server/auth/current-actor";

export async function pageActor(permission: Permission): Promise<{ actor: UserActor; denied: false } | { actor: UserActor; denied: true }> {
  const actor = await requireActor();
  try {
    await requirePermission(actor, permission);
    return { actor, denied: false };
  } catch (e) {
    if (isAppError(e) && e.code === "FORBIDDEN") return { actor, denied: true };
    throw e;
  }
}
