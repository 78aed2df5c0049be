import "server-only";
import { verifyChain, type StoredEvent, type VerifyResult } from "@/lib/audit/chain";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { checkpointKey } from "@/lib/server/keys";

const PAGE = 2000;

/** Reads the whole chain in pages (seq order) so memory stays flat on a long log. */
async function* allEvents(): AsyncGenerator<StoredEvent> {
  let after = 0;
  for (;;) {
    const rows = await db().auditEvent.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: PAGE });
    for (const r of rows) yield r;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.seq;
  }
}

export async function verifyAuditChain(actor: Actor, opts: { record?: boolean } = {}): Promise<VerifyResult> {
  await requirePermission(actor, "audit:verify");
  const checkpoints = await db().auditCheckpoint.findMany({ orderBy: { seq: "asc" } });
  const events: StoredEvent[] = [];
  for await (const e of allEvents()) events.push(e);
  const result = verifyChain(events, checkpoints, checkpointKey());
  if (opts.record !== false) {
    await recordAudit(actor, { action: result.ok ? "audit.verify.ok" : "audit.verify.failed", diff: result.ok ? { lastSeq: result.lastSeq } : { firstBadSeq: result.firstBadSeq } });
  }
  return result;
}
