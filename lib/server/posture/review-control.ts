import "server-only";
// Security-sensitive: accepts uploaded evidence files (size limit, content-type allowlist,
// magic-byte check) and stores their bytes with SHA-256 and size.
import { createHash } from "node:crypto";
import { AppError, validationError } from "@/lib/errors";
import { nextReviewAt } from "@/lib/posture/score";
import { reviewControlSchema } from "@/lib/validation/posture";
import { checkEvidenceFile, MAX_FILES_PER_REVIEW, type EvidenceUpload } from "@/lib/server/posture/evidence-check";
import { attachEvidenceUploads } from "@/lib/server/posture/evidence-upload";
import { actorId, actorLabel, type Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

export { checkEvidenceFile, MAX_FILES_PER_REVIEW, type EvidenceUpload } from "@/lib/server/posture/evidence-check";

/**
 * Records a review of one control (append-only) with its evidence, and moves the
 * control's current status and next review date in the same transaction.
 */
export async function reviewControl(actor: Actor, input: unknown, files: EvidenceUpload[] = [], uploadIds: readonly string[] = []) {
  await requirePermission(actor, "posture:write", { type: "Control" });
  const parsed = reviewControlSchema.safeParse(input);
  if (!parsed.success) throw validationError("Check the highlighted fields.", parsed.error.issues, input);
  if (files.length + new Set(uploadIds).size > MAX_FILES_PER_REVIEW) throw new AppError("VALIDATION", `Attach at most ${MAX_FILES_PER_REVIEW} files per review.`, [{ path: "files", message: `at most ${MAX_FILES_PER_REVIEW} files` }]);
  const checked = files.map((f) => ({ ...checkEvidenceFile(f), bytes: f.bytes, size: f.bytes.byteLength, sha256: createHash("sha256").update(f.bytes).digest("hex") }));
  const r = parsed.data;
  return db().$transaction(async (tx) => {
    const control = await tx.control.findUnique({ where: { id: r.controlId }, select: { id: true, frequencyDays: true } });
    if (!control) throw new AppError("NOT_FOUND", "No such control.");
    if (r.checklistId) {
      const cl = await tx.checklist.findUnique({ where: { id: r.checklistId }, select: { controlIds: true } });
      if (!cl || !(JSON.parse(cl.controlIds) as string[]).includes(r.controlId)) throw new AppError("NOT_FOUND", "This control is not in that checklist.");
    }
    const reviewedAt = new Date();
    const next = nextReviewAt(reviewedAt, control.frequencyDays);
    const review = await tx.controlReview.create({
      data: {
        controlId: r.controlId,
        checklistId: r.checklistId ?? null,
        status: r.status,
        comment: r.comment ?? null,
        naReason: r.status === "not_applicable" ? (r.naReason ?? null) : null,
        reviewerId: actorId(actor),
        reviewerLabel: actorLabel(actor),
        reviewedAt,
        nextReviewAt: next,
      },
      select: { id: true },
    });
    for (const url of r.links) {
      await tx.controlEvidence.create({ data: { reviewId: review.id, kind: "link", name: url.slice(0, 200), url, expiresAt: r.evidenceExpiresAt ?? null } });
    }
    const evidence = [];
    for (const f of checked) {
      const e = await tx.controlEvidence.create({
        data: { reviewId: review.id, kind: "file", name: f.name, contentType: f.contentType, size: f.size, sha256: f.sha256, bytes: new Uint8Array(f.bytes), expiresAt: r.evidenceExpiresAt ?? null },
        select: { id: true },
      });
      evidence.push({ id: e.id, name: f.name, size: f.size, sha256: f.sha256 });
    }
    // Files streamed ahead (POST /posture/evidence/upload) join the review here, or not at all.
    evidence.push(...(await attachEvidenceUploads(tx, actor, uploadIds, review.id, r.evidenceExpiresAt ?? null)));
    await tx.control.update({
      where: { id: r.controlId },
      data: { reviewStatus: r.status, lastReviewedAt: reviewedAt, nextReviewAt: next, version: { increment: 1 } },
    });
    await appendAudit(tx, actor, {
      action: "posture.control.review",
      entityType: "Control",
      entityId: r.controlId,
      diff: { reviewId: review.id, status: r.status, checklistId: r.checklistId ?? null, links: r.links.length, evidenceExpiresAt: r.evidenceExpiresAt?.toISOString() ?? null, files: evidence.map((e) => ({ name: e.name, size: e.size, sha256: e.sha256 })) },
    });
    return { reviewId: review.id, status: r.status, nextReviewAt: next.toISOString(), evidence };
  });
}
