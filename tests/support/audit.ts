// The audit log in database tests: no server runs a sealer here, so a test seals what it
// wrote the way a stopping process does (a shutdown head) before it verifies.
import { SYSTEM_CLI } from "@/lib/server/actor";
import { sealBeforeExit } from "@/lib/server/audit/sealer";
import { verifyAuditLog, type VerifyOptions } from "@/lib/server/audit/verify-audit";

export async function sealLog() {
  return sealBeforeExit();
}

export async function verifySealed(opts: VerifyOptions = {}) {
  await sealBeforeExit();
  return verifyAuditLog(SYSTEM_CLI, { record: false, ...opts });
}

export async function verifyLog(opts: VerifyOptions = {}) {
  return verifyAuditLog(SYSTEM_CLI, { record: false, ...opts });
}
