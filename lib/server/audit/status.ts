import "server-only";
// What the Audit page shows about the log itself: the newest signed head, how many events
// are sealed and how many wait for the sealer, and where the signing key lives.
import { resolve } from "node:path";
import type { Actor } from "@/lib/server/actor";
import { latestHead } from "@/lib/server/audit/tree-store";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { auditSigner } from "@/lib/server/keys";

export async function auditLogStatus(actor: Actor) {
  await requirePermission(actor, "audit:read");
  const client = db();
  const [head, unsealed] = await Promise.all([
    latestHead(client),
    client.auditEvent.aggregate({ where: { seq: null }, _count: { _all: true }, _min: { at: true } }),
  ]);
  const signer = auditSigner();
  const dataDir = resolve(process.env.DATA_DIR ?? "./data");
  return {
    head,
    sealed: head?.treeSize ?? 0,
    unsealed: unsealed._count._all,
    oldestUnsealedAt: unsealed._min.at?.toISOString() ?? null,
    keyId: signer.keyId,
    // A key file inside the data folder sits beside the database: fine for a demo only.
    keyBesideDatabase: !!signer.file && signer.file.startsWith(dataDir),
  };
}

/** One sealed event for its page, or null. */
export async function auditEventBySeq(actor: Actor, seq: number) {
  await requirePermission(actor, "audit:read");
  return db().auditEvent.findUnique({ where: { seq } });
}
