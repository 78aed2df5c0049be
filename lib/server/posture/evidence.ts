import "server-only";
// Security-sensitive: hands out stored evidence bytes; every download is audited.
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

export async function downloadEvidence(actor: Actor, evidenceId: string) {
  await requirePermission(actor, "posture:read", { type: "ControlEvidence", id: String(evidenceId) });
  if (typeof evidenceId !== "string" || evidenceId.length > 64) throw new AppError("NOT_FOUND", "No such evidence file.");
  return db().$transaction(async (tx) => {
    const e = await tx.controlEvidence.findUnique({
      where: { id: evidenceId },
      select: { id: true, kind: true, name: true, contentType: true, size: true, sha256: true, bytes: true, review: { select: { controlId: true } } },
    });
    if (!e || e.kind !== "file" || !e.bytes) throw new AppError("NOT_FOUND", "No such evidence file.");
    await appendAudit(tx, actor, { action: "posture.evidence.download", entityType: "ControlEvidence", entityId: e.id, diff: { controlId: e.review.controlId, name: e.name, sha256: e.sha256 } });
    return { name: e.name, contentType: e.contentType ?? "application/octet-stream", size: e.size ?? e.bytes.byteLength, sha256: e.sha256 ?? "", bytes: new Uint8Array(e.bytes) };
  });
}
