import "server-only";
import { verifyAuditLog } from "@/lib/server/audit/verify-audit";
import type { ControlTestProvider } from "./types";

/** The audit log verifies against its signed tree heads (45 CFR 164.312(b), (c)(1)). */
export const auditChainTest: ControlTestProvider = {
  controlId: "SEC-AUDIT-LOG",
  area: "security",
  checks: "The audit log's Merkle tree verifies against its Ed25519-signed tree heads, at the expected cadence.",
  async run(actor) {
    // record:false: a scheduled check must not add an event per run to the log it checks.
    const r = await verifyAuditLog(actor, { record: false });
    if (r.ok) return { status: "pass", failing: [], detail: `Log intact: ${r.events} sealed events under ${r.heads} signed heads.` };
    return {
      status: "fail",
      failing: [{ entityType: "AuditEvent", entityId: String(r.firstBadSeq), label: `Audit log broken at seq ${r.firstBadSeq}`, href: "/audit" }],
      detail: `The audit log does not verify: first bad event is seq ${r.firstBadSeq}: ${r.findings[0]?.reason}`,
    };
  },
};
