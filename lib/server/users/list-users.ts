import "server-only";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { toUserDto } from "@/lib/server/users/user-dto";

export async function listUsers(actor: Actor) {
  await requirePermission(actor, "user:read");
  const users = await db().user.findMany({ orderBy: [{ disabledAt: "asc" }, { email: "asc" }] });
  return users.map(toUserDto);
}
