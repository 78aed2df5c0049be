import "server-only";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { db } from "@/lib/server/db";
import { revokeSession } from "@/lib/server/users/sessions";

export async function signOutSession(sessionId: string) {
  await db().$transaction(async (tx) => {
    const s = await tx.authSession.findUnique({ where: { id: sessionId }, select: { userId: true, user: { select: { email: true } } } });
    const res = await revokeSession(tx, sessionId, "sign_out");
    if (s && res.count === 1) {
      const actor: Actor = { kind: "system", label: "auth" };
      await appendAudit(tx, actor, { action: "auth.signout", entityType: "User", entityId: s.userId, diff: { email: s.user.email } });
    }
  });
}
