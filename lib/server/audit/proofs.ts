import "server-only";
// Inclusion and consistency proofs and the list of signed heads, for the API and the
// Audit page (formats in docs/decisions/005; scripts/verify-audit-proof.mjs checks them).
import { canonicalEvent } from "@/lib/audit/chain";
import { consistencyProofRanges, inclusionProofRanges, leafHash } from "@/lib/audit/merkle";
import type { SignedTreeHead } from "@/lib/audit/tree-head";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { latestHead, rangeHashes, toSignedHead } from "@/lib/server/audit/tree-store";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

const hex = (bs: Buffer[]) => bs.map((b) => b.toString("hex"));

export async function eventProof(actor: Actor, seq: number) {
  await requirePermission(actor, "audit:read");
  const client = db();
  const e = await client.auditEvent.findUnique({ where: { seq } });
  const head = await latestHead(client);
  // Events get their seq from the sealer, in the same transaction as the head over them.
  if (!e || !head || head.treeSize < seq) throw new AppError("NOT_FOUND", `There is no sealed audit event ${seq} (new events are sealed within seconds).`);
  const event = { seq, at: e.at.toISOString(), actorType: e.actorType, actorId: e.actorId, actorLabel: e.actorLabel, action: e.action, entityType: e.entityType, entityId: e.entityId, diff: e.diff, ip: e.ip };
  const leafInput = canonicalEvent({ ...e, seq });
  const proof = await rangeHashes(client, inclusionProofRanges(seq - 1, head.treeSize));
  return { type: "inclusion" as const, event, leafIndex: seq - 1, leafInput, leafHash: leafHash(leafInput).toString("hex"), treeHead: head, inclusionProof: hex(proof) };
}

/** The newest head with exactly this tree size, if one was signed. */
async function headOfSize(size: number): Promise<SignedTreeHead | null> {
  const row = await db().auditTreeHead.findFirst({ where: { treeSize: size }, orderBy: { headIndex: "desc" } });
  return row ? toSignedHead(row) : null;
}

export async function consistency(actor: Actor, first: number, second?: number) {
  await requirePermission(actor, "audit:read");
  const head = await latestHead(db());
  const to = second ?? head?.treeSize ?? 0;
  if (!head || to > head.treeSize) throw new AppError("VALIDATION", `second must be at most the newest signed tree size (${head?.treeSize ?? 0}).`);
  if (first > to) throw new AppError("VALIDATION", "first must not be larger than second.");
  // RFC 9162 2.1.4: a consistency proof starts from a non-empty tree (size 0 proves nothing).
  if (first < 1) throw new AppError("VALIDATION", "first must be a tree size of at least 1.");
  const [firstRoot, secondRoot, ...proof] = await rangeHashes(db(), [{ start: 0, end: first }, { start: 0, end: to }, ...consistencyProofRanges(first, to)]);
  return {
    type: "consistency" as const,
    first,
    second: to,
    firstHead: await headOfSize(first),
    secondHead: await headOfSize(to),
    firstRootHash: firstRoot!.toString("hex"),
    secondRootHash: secondRoot!.toString("hex"),
    proof: hex(proof),
  };
}

export type HeadFilter = { from?: number; to?: number; since?: Date; until?: Date; after?: number; limit: number };

/** Signed heads by tree size or time, oldest first, keyset-paginated by headIndex. */
export async function listTreeHeads(actor: Actor, f: HeadFilter) {
  await requirePermission(actor, "audit:read");
  const rows = await db().auditTreeHead.findMany({
    where: {
      treeSize: { ...(f.from !== undefined ? { gte: f.from } : {}), ...(f.to !== undefined ? { lte: f.to } : {}) },
      timestamp: { ...(f.since ? { gte: f.since } : {}), ...(f.until ? { lte: f.until } : {}) },
      ...(f.after ? { headIndex: { gt: f.after } } : {}),
    },
    orderBy: { headIndex: "asc" },
    take: f.limit + 1,
  });
  const heads = rows.slice(0, f.limit).map(toSignedHead);
  return { heads, nextAfter: rows.length > f.limit ? heads[heads.length - 1]!.headIndex : null };
}

/** Every head, for off-site storage (audit:export-heads). */
export async function allTreeHeads(actor: Actor) {
  await requirePermission(actor, "audit:read");
  return (await db().auditTreeHead.findMany({ orderBy: { headIndex: "asc" } })).map(toSignedHead);
}
