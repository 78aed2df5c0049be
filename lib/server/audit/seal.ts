import "server-only";
// Security-sensitive: one seal of the audit log (docs/decisions/005). In one transaction:
// check that the stored tree still matches the newest signed head (never sign on top of a
// rewritten history), give newly committed events their seq and leaf hash in id order,
// store completed subtree hashes, and sign a tree head with the Ed25519 key. Two sealers
// cannot interleave: the state row is locked (PostgreSQL) or the write lock is held
// (SQLite), and seq and headIndex are unique.
import { Prisma } from "@/generated/prisma/client";
import { HEARTBEAT_MS, STORED_NODE_MIN_LEVEL } from "@/lib/audit/cadence";
import { canonicalEvent } from "@/lib/audit/chain";
import { leafHash, serializeFrontier, TreeBuilder } from "@/lib/audit/merkle";
import { signHead, type HeadKind, type SignedTreeHead } from "@/lib/audit/tree-head";
import { adoptLegacyChain } from "@/lib/server/audit/legacy";
import { loadSealedTree, SealRefused, toSignedHead, writeLeaves, type EventRow } from "@/lib/server/audit/tree-store";
import { db, dialect, type Tx } from "@/lib/server/db";
import { auditSigner } from "@/lib/server/keys";

/** Events integrated per statement, and at most per seal (the rest go in the next one). */
const BATCH = 2_000;
const MAX_PER_SEAL = 50_000;

export type SealResult = { head: SignedTreeHead | null; sealed: number };

/** State row exists and is locked for this transaction. */
async function lockState(tx: Tx, now: Date) {
  await tx.$executeRaw`INSERT INTO "AuditTreeState" ("id", "treeSize", "frontier", "updatedAt") VALUES (1, 0, ${serializeFrontier({ size: 0, hashes: [] })}, ${now}) ON CONFLICT ("id") DO NOTHING`;
  if (dialect() === "postgresql") await tx.$queryRaw`SELECT "id" FROM "AuditTreeState" WHERE "id" = 1 FOR UPDATE`;
}

export async function storeNodes(tx: Tx, nodes: { level: number; index: number; hash: Buffer }[]) {
  for (let i = 0; i < nodes.length; i += 500) {
    const values = nodes.slice(i, i + 500).map((n) => Prisma.sql`(${n.level}, ${n.index}, ${n.hash.toString("hex")})`);
    await tx.$executeRaw`INSERT INTO "AuditTreeNode" ("level", "index", "hash") VALUES ${Prisma.join(values, ", ")} ON CONFLICT ("level", "index") DO UPDATE SET "hash" = excluded."hash"`;
  }
}

/** Appends the next unsealed events (id order) to the tree; returns how many. */
async function integrate(tx: Tx, tree: TreeBuilder): Promise<number> {
  let sealed = 0;
  while (sealed < MAX_PER_SEAL) {
    const pending: EventRow[] = await tx.auditEvent.findMany({ where: { seq: null }, orderBy: { id: "asc" }, take: BATCH });
    if (pending.length === 0) break;
    const updates = pending.map((e) => {
      const seq = tree.size + 1;
      const leaf = leafHash(canonicalEvent({ ...e, seq }));
      tree.push(leaf);
      return { id: e.id, seq, leaf: leaf.toString("hex") };
    });
    await writeLeaves(tx, updates);
    await storeNodes(tx, tree.drainCompleted());
    sealed += pending.length;
    if (pending.length < BATCH) break;
  }
  return sealed;
}

/**
 * Seals what has been committed. `kind` forces a head (startup, shutdown); otherwise a head
 * is signed when events were sealed, or as a heartbeat when the newest is HEARTBEAT_MS old.
 */
export async function sealOnce(opts: { kind?: Extract<HeadKind, "startup" | "shutdown">; now?: Date; lastSigned?: number } = {}): Promise<SealResult> {
  const signer = auditSigner();
  return db().$transaction(
    async (tx) => {
      const now = opts.now ?? new Date();
      await lockState(tx, now);
      const { tree, latest } = await loadSealedTree(tx, STORED_NODE_MIN_LEVEL);
      // This process signed a later head than the newest one stored: heads were deleted.
      // Signing on would reuse their indexes and hide the gap.
      if (opts.lastSigned && (latest?.headIndex ?? 0) < opts.lastSigned) {
        throw new SealRefused(`this sealer signed head #${opts.lastSigned}, but the newest stored head is #${latest?.headIndex ?? 0}: signed heads were deleted (run audit:verify)`);
      }
      let sealed = latest ? 0 : await adoptLegacyChain(tx, tree);
      sealed += await integrate(tx, tree);
      // Subtrees completed by a rebuild or the legacy adoption.
      await storeNodes(tx, tree.drainCompleted());
      const heartbeatDue = !!latest && now.getTime() - latest.timestamp >= HEARTBEAT_MS;
      const kind: HeadKind | null = opts.kind ?? (sealed > 0 || (!latest && tree.size > 0) ? "seal" : heartbeatDue ? "heartbeat" : null);
      if (!kind) return { head: null, sealed };
      const head = signHead(
        {
          headIndex: (latest?.headIndex ?? 0) + 1,
          treeSize: tree.size,
          rootHash: tree.root().toString("hex"),
          // Never before the previous head, even if this instance's clock is behind.
          timestamp: Math.max(now.getTime(), latest?.timestamp ?? 0),
          kind,
          keyId: signer.keyId,
        },
        signer.privateKey,
      );
      await tx.auditTreeHead.create({ data: { ...head, timestamp: new Date(head.timestamp) } });
      await tx.auditTreeState.update({ where: { id: 1 }, data: { treeSize: tree.size, frontier: serializeFrontier(tree.frontier()), updatedAt: now } });
      return { head: toSignedHead(head), sealed };
    },
    { timeout: 120_000, maxWait: 15_000 },
  );
}
