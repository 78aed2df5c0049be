import "server-only";
import { AppError, validationError } from "@/lib/errors";
import { overrideControlSchema } from "@/lib/validation/posture";
import { actorLabel, type Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { hasAutomatedTest } from "./control-tests/registry";

/** Sets (with a reason) or clears the manual override of an automated control's status. */
export async function overrideControl(actor: Actor, input: unknown) {
  await requirePermission(actor, "posture:write", { type: "Control" });
  const parsed = overrideControlSchema.safeParse(input);
  if (!parsed.success) throw validationError("Check the highlighted fields.", parsed.error.issues, input);
  const { controlId, status, reason } = parsed.data;
  if (!hasAutomatedTest(controlId)) throw new AppError("CONFLICT", "Only a control with an automated test can be overridden; review it instead.");
  return db().$transaction(async (tx) => {
    const before = await tx.control.findUnique({ where: { id: controlId }, select: { overrideStatus: true, overrideReason: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such control.");
    await tx.control.update({
      where: { id: controlId },
      data: status
        ? { overrideStatus: status, overrideReason: reason!, overrideBy: actorLabel(actor), overrideAt: new Date(), version: { increment: 1 } }
        : { overrideStatus: null, overrideReason: null, overrideBy: null, overrideAt: null, version: { increment: 1 } },
    });
    await appendAudit(tx, actor, {
      action: status ? "posture.control.override" : "posture.control.override.clear",
      entityType: "Control",
      entityId: controlId,
      diff: { from: before.overrideStatus, to: status, reason: reason ?? null },
    });
    return { controlId, overrideStatus: status };
  });
}
