"use server";
import { actionError, type ActionResult } from "@/lib/action-result";
import type { Finding } from "@/lib/audit/verify-log";
import { requireActor } from "@/lib/server/auth/current-actor";
import { describeReport, verifyAuditLog } from "@/lib/server/audit/verify-audit";

export type VerifyData = { findings: (Finding & { at: number })[]; notes: string[] };

export async function verifyLogAction(): Promise<ActionResult<VerifyData>> {
  try {
    const actor = await requireActor();
    const r = await verifyAuditLog(actor);
    return { ok: r.ok, message: describeReport(r), data: { findings: r.findings.slice(0, 10), notes: r.notes.slice(0, 10) } };
  } catch (e) {
    return actionError(e);
  }
}
