import "server-only";
import { AppError, conflictOnUnique, zodDetails } from "@/lib/errors";
import { createUserSchema } from "@/lib/validation/users";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/users/password";
import { toUserDto } from "@/lib/server/users/user-dto";

export async function createUser(actor: Actor, input: unknown) {
  await requirePermission(actor, "user:manage", { type: "User" });
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Check the highlighted fields.", zodDetails(parsed.error.issues));
  const { email, name, role, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  const taken = () => new AppError("CONFLICT", `A user with the email ${email} already exists.`);
  return conflictOnUnique(taken, () => db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw taken();
    const user = await tx.user.create({ data: { email, name, role, passwordHash } });
    await appendAudit(tx, actor, { action: "user.create", entityType: "User", entityId: user.id, diff: { email, name, role } });
    return toUserDto(user);
  }));
}
