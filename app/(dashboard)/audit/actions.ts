"use server";
import { actionError, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit";

export async function verifyChainAction(): Promise<ActionResult> {
  try {
    const actor = await requireActor();
    const r = await verifyAuditChain(actor);
    return r.ok
      ? { ok: true, message: `Chain intact: ${r.events} events, ${r.checkpoints} signed checkpoints.` }
      : { ok: false, message: `Chain broken at seq ${r.firstBadSeq}: ${r.reason}` };
  } catch (e) {
    return actionError(e);
  }
}
