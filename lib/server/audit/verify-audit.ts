import "server-only";
// Verifies the whole audit log against its signed heads (lib/audit/verify-log.ts), from
// the app (Audit page), the CLI (audit:verify) and the scheduled control test.
import { SEALER_LEASE } from "@/lib/audit/cadence";
import type { SignedTreeHead } from "@/lib/audit/tree-head";
import { LogVerifier, type LogReport } from "@/lib/audit/verify-log";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit/append";
import { sealedEventPages } from "@/lib/server/audit/sealed-pages";
import { toSignedHead, unsealedTail } from "@/lib/server/audit/tree-store";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { leaseHeld } from "@/lib/server/jobs/lease";
import { auditTrustedKeys } from "@/lib/server/keys";
import { yieldToEventLoop } from "@/lib/server/yield";

/** Events verified between two turns given to the event loop. */
const YIELD_EVERY = 500;

export type VerifyOptions = {
  /** Record the outcome as an audit event (not for the scheduled check). */
  record?: boolean;
  /** Heads exported earlier (audit:export-heads) that the log must still be consistent with. */
  witnessHeads?: SignedTreeHead[];
  /** Extra trusted public keys (PEM or base64), e.g. an auditor's copy. */
  publicKeys?: string[];
  now?: Date;
};

export async function verifyAuditLog(actor: Actor, opts: VerifyOptions = {}): Promise<LogReport> {
  await requirePermission(actor, "audit:verify");
  const now = opts.now ?? new Date();
  const client = db();
  const heads = (await client.auditTreeHead.findMany({ orderBy: { headIndex: "asc" } })).map(toSignedHead);
  if (heads.length === 0 && (await client.auditEvent.findFirst({ where: { seq: { not: null }, leafHash: null }, select: { id: true } }))) {
    return notAdoptedYet(await client.auditEvent.count());
  }
  const unsealed = await unsealedTail(client);
  const verifier = new LogVerifier({
    heads,
    witnessHeads: opts.witnessHeads,
    trustedKeys: auditTrustedKeys(opts.publicKeys),
    now: now.getTime(),
    sealerLive: await leaseHeld(SEALER_LEASE, now),
    unsealed,
  });
  // The page reads are synchronous on SQLite and hashing a page takes a while: give the
  // server's other requests a turn every YIELD_EVERY events (lib/server/yield.ts).
  let n = 0;
  for await (const page of sealedEventPages(client)) {
    for (const t of page) {
      verifier.addTuple(t);
      if (++n % YIELD_EVERY === 0) await yieldToEventLoop();
    }
  }
  // The adoption of a pre-Merkle log records its outcome as a leaf (lib/server/audit/legacy.ts).
  const legacy = await client.auditEvent.findFirst({ where: { action: "audit.legacy.adopted-unverified", seq: { not: null } } });
  if (legacy) {
    const d = JSON.parse(legacy.diff ?? "{}") as { firstBadSeq?: number | null; reason?: string };
    verifier.report(d.firstBadSeq ?? 1, `the log from before the Merkle tree did not verify when it was adopted (event ${legacy.seq}): ${d.reason ?? "unknown reason"}`);
  }
  const report = verifier.finish();
  if (opts.record !== false) {
    await recordAudit(actor, {
      action: report.ok ? "audit.verify.ok" : "audit.verify.failed",
      diff: report.ok ? { events: report.events, treeSize: report.latestHead?.treeSize ?? 0 } : { firstBadSeq: report.firstBadSeq },
    });
  }
  return report;
}

/** A log from before the Merkle tree that no sealer has adopted yet (decision 003 -> 005). */
function notAdoptedYet(events: number): LogReport {
  return {
    ok: false,
    firstBadSeq: 1,
    findings: [{ seq: 1, at: 1, reason: "the log from before the Merkle tree has not been adopted yet: start the server or run `npm run admin -- audit:seal`, which verifies its old checkpoints and signs the first tree head" }],
    events,
    heads: 0,
    latestHead: null,
    unsealed: { count: 0, oldestAt: null },
    notes: [],
  };
}

/** One line for people: what holds, or the first thing that does not. */
export function describeReport(r: LogReport): string {
  if (!r.ok) return `Audit log BROKEN at seq ${r.firstBadSeq}: ${r.findings[0]!.reason}${r.findings.length > 1 ? ` (and ${r.findings.length - 1} more finding${r.findings.length > 2 ? "s" : ""})` : ""}`;
  const head = r.latestHead ? `newest signed head #${r.latestHead.headIndex} at tree size ${r.latestHead.treeSize} (${new Date(r.latestHead.timestamp).toISOString()})` : "no signed head yet";
  return `Audit log intact: ${r.events} sealed events, ${r.heads} signed tree heads, ${head}; ${r.unsealed.count} event(s) not yet sealed.`;
}
