import "server-only";
// Security-sensitive: the one-time adoption of a log written before the Merkle tree
// (decision 003's hash chain with HMAC checkpoints) as the tree's first leaves. Its chain
// and checkpoints are verified once, here, with AUDIT_CHECKPOINT_KEY; the outcome is kept
// on the tree state and recorded as an audit event, which the same seal makes a leaf, so
// the result of the check is itself under the first signed head.
import { canonicalEvent, verifyChain, type StoredEvent } from "@/lib/audit/chain";
import { leafHash, type TreeBuilder } from "@/lib/audit/merkle";
import { appendAudit } from "@/lib/server/audit/append";
import { SealRefused, sealedEvents, writeLeaves } from "@/lib/server/audit/tree-store";
import type { Tx } from "@/lib/server/db";
import { legacyCheckpointKey } from "@/lib/server/keys";

const SYSTEM_SEALER = { kind: "system", label: "audit-sealer" } as const;

export async function adoptLegacyChain(tx: Tx, tree: TreeBuilder): Promise<number> {
  const first = await tx.auditEvent.findFirst({ where: { seq: { not: null }, leafHash: null }, select: { seq: true } });
  if (!first) return 0;
  const events: (StoredEvent & { id: number })[] = [];
  for await (const e of sealedEvents(tx)) {
    if (e.seq !== events.length + 1) throw new SealRefused(`the pre-Merkle log cannot be adopted: event ${events.length + 1} is missing (restore it from a backup)`);
    events.push({ ...e, prevHash: e.prevHash ?? "", hash: e.hash ?? "" });
  }
  const checkpoints = await tx.auditCheckpoint.findMany({ orderBy: { seq: "asc" } });
  const key = legacyCheckpointKey();
  const check = key
    ? verifyChain(events, checkpoints, key)
    : { ok: false as const, firstBadSeq: null, reason: "AUDIT_CHECKPOINT_KEY is not set, so the old checkpoints could not be checked" };
  const updates: { id: number; seq: number; leaf: string }[] = [];
  for (const e of events) {
    const leaf = leafHash(canonicalEvent(e));
    tree.push(leaf);
    updates.push({ id: e.id, seq: e.seq, leaf: leaf.toString("hex") });
  }
  await writeLeaves(tx, updates);
  const outcome = check.ok
    ? { ok: true, events: events.length, checkpoints: checkpoints.length }
    : { ok: false, events: events.length, checkpoints: checkpoints.length, firstBadSeq: check.firstBadSeq, reason: check.reason };
  await tx.auditTreeState.update({ where: { id: 1 }, data: { legacyVerification: JSON.stringify({ ...outcome, at: new Date().toISOString() }) } });
  await appendAudit(tx, SYSTEM_SEALER, { action: check.ok ? "audit.legacy.adopted" : "audit.legacy.adopted-unverified", diff: outcome });
  return events.length;
}
