import "server-only";
// Security-sensitive: evidence files arrive here one request each, streamed under a cap
// (413 before the body is read whole), checked like every evidence file (type allowlist,
// magic bytes), hashed and staged for the uploader alone. The review that cites them claims
// them in its own transaction (attachEvidenceUploads), so a review and its files commit
// together; what nobody claims is removed after a day.
import { createHash, randomUUID } from "node:crypto";
import { readBodyBytes } from "@/lib/api/read-json";
import { AppError } from "@/lib/errors";
import { EVIDENCE_MAX_BYTES, formatMegabytes } from "@/lib/upload-limits";
import { actorId, type Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";
import { checkEvidenceFile } from "@/lib/server/posture/evidence-check";

export const UNCLAIMED_UPLOAD_TTL_MS = 24 * 3_600_000;

export type StagedUpload = { id: string; name: string; size: number; sha256: string };

function uploader(actor: Actor): string {
  const id = actorId(actor);
  if (actor.kind !== "user" || !id) throw new AppError("FORBIDDEN", "Evidence is uploaded by a signed-in person.");
  return id;
}

/** Stages one file from a request whose body is the file itself (`X-File-Name`: its URI-encoded name). */
export async function stageEvidenceUpload(actor: Actor, req: Request): Promise<StagedUpload> {
  await requirePermission(actor, "posture:write", { type: "Control" });
  const uploaderId = uploader(actor);
  let name = "evidence";
  try {
    name = decodeURIComponent(req.headers.get("x-file-name") ?? "evidence");
  } catch {
    throw new AppError("VALIDATION", "The file name is not valid.", [{ path: "name", message: "is not valid URI encoding" }]);
  }
  const bytes = await readBodyBytes(req, EVIDENCE_MAX_BYTES, () =>
    new AppError("PAYLOAD_TOO_LARGE", `${name} is larger than ${formatMegabytes(EVIDENCE_MAX_BYTES)}; nothing was stored. Link to large evidence instead.`),
  );
  // A body cut short on the way (a proxy's buffer, a dropped connection) is refused, not stored.
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > 0 && declared !== bytes.byteLength) {
    throw new AppError("BAD_REQUEST", `${name} arrived incomplete (${bytes.byteLength} of ${declared} bytes); nothing was stored. Try again.`);
  }
  const checked = checkEvidenceFile({ name, type: req.headers.get("content-type") ?? "", bytes });
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  // Opportunistic clean-up: uploads abandoned with their form (tab closed) go after a day.
  await db().evidenceUpload.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - UNCLAIMED_UPLOAD_TTL_MS) } } });
  const row = await db().evidenceUpload.create({
    data: { uploaderId, name: checked.name, contentType: checked.contentType, size: bytes.byteLength, sha256, bytes: new Uint8Array(bytes) },
    select: { id: true },
  });
  return { id: row.id, name: checked.name, size: bytes.byteLength, sha256 };
}

/**
 * Moves the caller's own staged uploads into the review's evidence inside the review's
 * transaction: the bytes are copied by the database (INSERT ... SELECT), never through
 * this process again (20 MB through the driver and back outlasted the transaction). An id
 * that is unknown, expired or someone else's refuses the whole review.
 */
export async function attachEvidenceUploads(tx: Tx, actor: Actor, ids: readonly string[], reviewId: string, expiresAt: Date | null): Promise<StagedUpload[]> {
  if (ids.length === 0) return [];
  const uploaderId = uploader(actor);
  const unique = [...new Set(ids)];
  const rows = await tx.evidenceUpload.findMany({ where: { id: { in: unique }, uploaderId }, select: { id: true, name: true, size: true, sha256: true } });
  if (rows.length !== unique.length) {
    throw new AppError("VALIDATION", "An uploaded file is no longer available (uploads are kept for a day); attach it again.", [{ path: "files", message: "an uploaded file is no longer available" }]);
  }
  const evidenceIds: string[] = [];
  for (const r of rows) {
    const id = randomUUID();
    evidenceIds.push(id);
    await tx.$executeRaw`INSERT INTO "ControlEvidence" ("id", "reviewId", "kind", "name", "contentType", "size", "sha256", "bytes")
      SELECT ${id}, ${reviewId}, 'file', "name", "contentType", "size", "sha256", "bytes" FROM "EvidenceUpload" WHERE "id" = ${r.id} AND "uploaderId" = ${uploaderId}`;
  }
  // Dates through Prisma, so each dialect stores them as it stores every other date.
  await tx.controlEvidence.updateMany({ where: { id: { in: evidenceIds } }, data: { createdAt: new Date(), expiresAt } });
  const gone = await tx.evidenceUpload.deleteMany({ where: { id: { in: unique }, uploaderId } });
  // Two reviews citing one upload at once: only one of them takes it.
  if (gone.count !== unique.length) throw new AppError("CONFLICT", "These files were just attached to another review.");
  return rows.map((r, i) => ({ id: evidenceIds[i]!, name: r.name, size: r.size, sha256: r.sha256 }));
}
