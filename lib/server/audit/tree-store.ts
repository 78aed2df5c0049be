import "server-only";
// Security-sensitive: reading the audit log's tree from the database: sealed events in seq
// order, signed heads, and the hash of any leaf range (from stored subtree hashes where
// they exist, from leaf hashes otherwise). Shared by the sealer, the verifier and proofs.
import type { AuditEvent, AuditTreeHead } from "@/generated/prisma/client";
import { STORED_NODE_MIN_LEVEL } from "@/lib/audit/cadence";
import { canonicalEvent } from "@/lib/audit/chain";
import { combineRange, frontierRoot, leafHash, parseFrontier, perfectSubtreesOfRange, rootFromLeaves, TreeBuilder, type Frontier, type Range } from "@/lib/audit/merkle";
import { verifyHeadSignature, type HeadKind, type SignedTreeHead } from "@/lib/audit/tree-head";
import { db, dialect, type Tx } from "@/lib/server/db";
import { auditTrustedKeys } from "@/lib/server/keys";
import { yieldToEventLoop } from "@/lib/server/yield";

export type EventRow = AuditEvent;
type Client = Tx | ReturnType<typeof db>;
const PAGE = 5_000;
/** Rows handed to the consumer between two yields to the event loop (lib/server/yield.ts). */
const ROWS_PER_TURN = 500;
// seq is a 32-bit integer column in both dialects.
const INT4_MAX = 2_147_483_647;

/** The sealer refuses to sign: what it would sign on top of does not verify. */
export class SealRefused extends Error {}

export function toSignedHead(h: Pick<AuditTreeHead, "headIndex" | "treeSize" | "rootHash" | "kind" | "keyId" | "signature"> & { timestamp: Date | number }): SignedTreeHead {
  return {
    headIndex: h.headIndex,
    treeSize: h.treeSize,
    rootHash: h.rootHash,
    timestamp: typeof h.timestamp === "number" ? h.timestamp : h.timestamp.getTime(),
    kind: h.kind as HeadKind,
    keyId: h.keyId,
    signature: h.signature,
  };
}

/**
 * Sealed events with from <= seq <= to, in seq order, a page at a time (flat memory). Every
 * ROWS_PER_TURN rows it yields to the event loop, so a verification of the whole log (the
 * daily control test runs one in the server) does not stop requests from being served.
 */
export async function* sealedEvents(client: Client, from = 1, to = INT4_MAX): AsyncGenerator<EventRow & { seq: number }> {
  let after = from - 1;
  for (;;) {
    const rows = await client.auditEvent.findMany({ where: { seq: { gt: after, lte: to } }, orderBy: { seq: "asc" }, take: PAGE });
    for (let i = 0; i < rows.length; i++) {
      if (i % ROWS_PER_TURN === 0) await yieldToEventLoop();
      yield rows[i] as EventRow & { seq: number };
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.seq!;
  }
}

export async function latestHead(client: Client): Promise<SignedTreeHead | null> {
  const row = await client.auditTreeHead.findFirst({ orderBy: { headIndex: "desc" } });
  return row ? toSignedHead(row) : null;
}

/**
 * The tree as of the newest signed head, ready to extend. Refuses (SealRefused) when the
 * stored log no longer matches that head, so the sealer never signs a forgery.
 */
export async function loadSealedTree(tx: Tx, minLevel: number): Promise<{ tree: TreeBuilder; latest: SignedTreeHead | null }> {
  const latest = await latestHead(tx);
  if (!latest) {
    const sealed = await tx.auditEvent.findFirst({ where: { leafHash: { not: null } }, select: { seq: true } });
    if (sealed) throw new SealRefused("events are sealed but there is no signed head: the heads were deleted (run audit:verify)");
    return { tree: new TreeBuilder(undefined, minLevel), latest: null };
  }
  const key = auditTrustedKeys().get(latest.keyId);
  if (!key || !verifyHeadSignature(latest, key)) throw new SealRefused(`the newest head (#${latest.headIndex}) is not validly signed by a trusted key (run audit:verify)`);
  const beyond = await tx.auditEvent.findFirst({ where: { seq: { gt: latest.treeSize } }, select: { seq: true } });
  if (beyond) throw new SealRefused(`event ${beyond.seq} has a seq beyond the newest head (tree size ${latest.treeSize}): a head was deleted (run audit:verify)`);
  const state = await tx.auditTreeState.findUnique({ where: { id: 1 } });
  let frontier: Frontier | null = null;
  try {
    frontier = state ? parseFrontier(state.frontier) : null;
  } catch {
    frontier = null;
  }
  if (frontier && frontier.size === latest.treeSize && frontierRoot(frontier).toString("hex") === latest.rootHash) {
    return { tree: new TreeBuilder(frontier, minLevel), latest };
  }
  // The state row is missing or stale: rebuild from the events themselves, and accept the
  // result only if it is what the newest head signed.
  const tree = new TreeBuilder(undefined, minLevel);
  for await (const e of sealedEvents(tx, 1, latest.treeSize)) {
    if (e.seq !== tree.size + 1) throw new SealRefused(`event ${tree.size + 1} is missing (run audit:verify)`);
    tree.push(leafHash(canonicalEvent(e)));
  }
  if (tree.size !== latest.treeSize || tree.root().toString("hex") !== latest.rootHash) {
    throw new SealRefused(`the events no longer match the newest signed head (#${latest.headIndex}): the log was altered (run audit:verify)`);
  }
  return { tree, latest };
}

/**
 * Gives events their place in the tree: seq and leaf hash by id, 2,000 per statement. Only
 * an event without a seq, or one that already has this seq (the adopted pre-Merkle log),
 * is written; a row count short of the input means another sealer got there first.
 */
export async function writeLeaves(tx: Tx, rows: { id: number; seq: number; leaf: string }[]) {
  for (let i = 0; i < rows.length; i += 2_000) {
    const json = JSON.stringify(rows.slice(i, i + 2_000));
    const n =
      dialect() === "postgresql"
        ? await tx.$executeRaw`UPDATE "AuditEvent" AS e SET "seq" = v.seq, "leafHash" = v.leaf FROM json_to_recordset(${json}::json) AS v(id int, seq int, leaf text) WHERE e."id" = v.id AND (e."seq" IS NULL OR e."seq" = v.seq)`
        : await tx.$executeRaw`UPDATE "AuditEvent" SET "seq" = json_extract(j.value, '$.seq'), "leafHash" = json_extract(j.value, '$.leaf') FROM json_each(${json}) AS j WHERE "AuditEvent"."id" = json_extract(j.value, '$.id') AND ("AuditEvent"."seq" IS NULL OR "AuditEvent"."seq" = json_extract(j.value, '$.seq'))`;
    const expected = Math.min(2_000, rows.length - i);
    if (n !== expected) throw new Error(`audit seal: expected to seal ${expected} events, sealed ${n}; another sealer ran at the same time`);
  }
}

/** How many committed events wait for the sealer, and since when. */
export async function unsealedTail(client: Client) {
  const a = await client.auditEvent.aggregate({ where: { seq: null }, _count: { _all: true }, _min: { at: true } });
  return { count: a._count._all, oldestAt: a._min.at };
}

/** Leaf hashes of leaves [start, end) (seq start+1..end), recomputed from the events. */
async function leavesOf(client: Client, r: Range): Promise<Buffer[]> {
  const leaves: Buffer[] = [];
  for await (const e of sealedEvents(client, r.start + 1, r.end)) leaves.push(leafHash(canonicalEvent(e)));
  if (leaves.length !== r.end - r.start) throw new Error(`audit log: leaves ${r.start}..${r.end - 1} are incomplete`);
  return leaves;
}

/**
 * MTH of each range: large aligned subtrees from AuditTreeNode, the rest from the events.
 * Proofs built this way are checked against the signed head by whoever receives them, so a
 * tampered stored node cannot make a false proof verify.
 */
export async function rangeHashes(client: Client, ranges: Range[]): Promise<Buffer[]> {
  const parts = ranges.map((r) => perfectSubtreesOfRange(r));
  const wanted = parts.flat().filter((p) => p.level >= STORED_NODE_MIN_LEVEL);
  const stored = new Map<string, Buffer>();
  if (wanted.length) {
    const rows = await client.auditTreeNode.findMany({ where: { OR: wanted.map((p) => ({ level: p.level, index: p.index })) } });
    for (const n of rows) stored.set(`${n.level}:${n.index}`, Buffer.from(n.hash, "hex"));
  }
  const out: Buffer[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const hashes: Buffer[] = [];
    for (const p of parts[i]!) {
      const size = 2 ** p.level;
      hashes.push(stored.get(`${p.level}:${p.index}`) ?? rootFromLeaves(await leavesOf(client, { start: p.index * size, end: (p.index + 1) * size })));
    }
    out.push(combineRange(ranges[i]!, hashes));
  }
  return out;
}
