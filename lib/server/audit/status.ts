import "server-only";
// What the Audit page shows about the log itself: the newest signed head, how many events
// are sealed and how many wait for the sealer, and where the signing key lives.
import { env } from "@/lib/env";
import type { Actor } from "@/lib/server/actor";
import { latestHead, unsealedTail } from "@/lib/server/audit/tree-store";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { auditSigner } from "@/lib/server/keys";

export async function auditLogStatus(actor: Actor) {
  await requirePermission(actor, "audit:read");
  const client = db();
  const [head, unsealed] = await Promise.all([
    latestHead(client),
    unsealedTail(client),
  ]);
  const signer = auditSigner();
  // The SQLite file's folder (the data folder in the demo); string work, not path.resolve,
  // which the bundler would try to trace as a file dependency.
  const url = env().DATABASE_URL;
  const dbDir = url.startsWith("file:") ? url.slice(5, url.lastIndexOf("/") + 1) : null;
  return {
    head,
    sealed: head?.treeSize ?? 0,
    unsealed: unsealed.count,
    oldestUnsealedAt: unsealed.oldestAt?.toISOString() ?? null,
    keyId: signer.keyId,
    // A key file in the database's folder sits beside the database: fine for a demo only.
    keyBesideDatabase: !!signer.file && !!dbDir && signer.file.startsWith(dbDir),
  };
}

/** One sealed event for its page, or null. */
export async function auditEventBySeq(actor: Actor, seq: number) {
  await requirePermission(actor, "audit:read");
  return db().auditEvent.findUnique({ where: { seq } });
}
