import "server-only";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit";
import type { ControlTestProvider } from "./types";

/** The hash-chained audit log verifies end to end (45 CFR 164.312(b), (c)(1)). */
export const auditChainTest: ControlTestProvider = {
  controlId: "SEC-AUDIT-LOG",
  area: "security",
  checks: "The audit log's hash chain and signed checkpoints verify end to end.",
  async run(actor) {
    // record:false: a scheduled check must not add an event per run to the log it checks.
    const r = await verifyAuditChain(actor, { record: false });
    if (r.ok) return { status: "pass", failing: [], detail: `Chain intact up to seq ${r.lastSeq}.` };
    return {
      status: "fail",
      failing: [{ entityType: "AuditEvent", entityId: String(r.firstBadSeq), label: `Audit chain broken at seq ${r.firstBadSeq}`, href: "/audit" }],
      detail: `The audit chain does not verify: first bad event is seq ${r.firstBadSeq}.`,
    };
  },
};
