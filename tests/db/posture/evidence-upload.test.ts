// Evidence streamed ahead of its review (POST /posture/evidence/upload): files over 10 MB are
// taken whole (the review form's 1 MB action body once turned them into HTTP 500s), a file
// over the limit is refused before its body is read, an incomplete body is refused, and a
// review claims only its author's own uploads, once, in its own transaction.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { EVIDENCE_MAX_BYTES } from "@/lib/upload-limits";
import { db } from "@/lib/server/db";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { seedControlCatalogue } from "@/lib/server/posture/seed-catalogue";
import { stageEvidenceUpload } from "@/lib/server/posture/evidence-upload";
import { reviewControl } from "@/lib/server/posture/review-control";
import { actorFor } from "@/lib/server/testing/factories";

const req = (body: BodyInit, headers: Record<string, string>) => new Request("http://localhost/posture/evidence/upload", { method: "POST", body, headers, duplex: "half" } as RequestInit);
const pdf = (bytes: number) => {
  const b = Buffer.alloc(bytes, 0x20);
  b.write("%PDF-1.7\n", 0, "latin1");
  return b;
};
const code = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

beforeAll(async () => {
  await seedControlCatalogue(SYSTEM_CLI);
});

describe("streamed evidence uploads", () => {
  it("a 12 MB PDF (over the proxy's 10 MB default buffer) is staged whole and joins the review that cites it, with its SHA-256", async () => {
    const officer = await actorFor("compliance_officer");
    const body = pdf(12 * 1024 * 1024);
    const staged = await stageEvidenceUpload(officer, req(body, { "content-type": "application/pdf", "x-file-name": encodeURIComponent("policy (signed).pdf"), "content-length": String(body.byteLength) }));
    expect(staged).toMatchObject({ name: "policy (signed).pdf", size: body.byteLength, sha256: createHash("sha256").update(body).digest("hex") });
    const r = await reviewControl(officer, { controlId: "GDPR-32", status: "satisfied", comment: "Signed policy" }, [], [staged.id]);
    expect(r.evidence).toEqual([expect.objectContaining({ name: "policy (signed).pdf", size: body.byteLength })]);
    const stored = await db().controlEvidence.findFirstOrThrow({ where: { reviewId: r.reviewId } });
    expect(Buffer.from(stored.bytes!).equals(body)).toBe(true);
    expect(await db().evidenceUpload.count({ where: { id: staged.id } })).toBe(0);
    // Claimed once: citing it again is refused and writes no review.
    const before = await db().controlReview.count();
    expect(await code(reviewControl(officer, { controlId: "GDPR-32", status: "satisfied" }, [], [staged.id]))).toBe("VALIDATION");
    expect(await db().controlReview.count()).toBe(before);
  });

  it("over the limit: a declared length is refused before a byte is read; a longer stream is cut off; nothing is staged", async () => {
    const officer = await actorFor("compliance_officer");
    const count = await db().evidenceUpload.count();
    let pulled = 0;
    const endless = new ReadableStream({ pull: (c) => { pulled++; c.enqueue(new Uint8Array(1024 * 1024)); } });
    expect(await code(stageEvidenceUpload(officer, req(endless, { "content-type": "text/plain", "content-length": String(EVIDENCE_MAX_BYTES + 1) })))).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThanOrEqual(1);
    let sent = 0;
    const tooLong = new ReadableStream({ pull: (c) => { sent++; c.enqueue(new Uint8Array(1024 * 1024)); } });
    await expect(stageEvidenceUpload(officer, req(tooLong, { "content-type": "text/plain", "x-file-name": "huge.txt" }))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("huge.txt is larger than 25 MB") });
    expect(sent).toBeLessThan(30);
    expect(await db().evidenceUpload.count()).toBe(count);
  });

  it("refuses an incomplete body, a type that lies, and people who may not write", async () => {
    const officer = await actorFor("compliance_officer");
    expect(await code(stageEvidenceUpload(officer, req(Buffer.from("short"), { "content-type": "text/plain", "content-length": "999" })))).toBe("BAD_REQUEST");
    expect(await code(stageEvidenceUpload(officer, req(Buffer.from("not a pdf"), { "content-type": "application/pdf" })))).toBe("VALIDATION");
    for (const role of ["auditor", "reviewer"] as const) {
      expect(await code(stageEvidenceUpload(await actorFor(role), req(pdf(100), { "content-type": "application/pdf" })))).toBe("FORBIDDEN");
    }
  });

  it("another person's upload cannot be cited, and two reviews racing for one upload: one takes it", async () => {
    const a = await actorFor("compliance_officer");
    const b = await actorFor("compliance_officer");
    const staged = await stageEvidenceUpload(a, req(pdf(2048), { "content-type": "application/pdf", "x-file-name": "a.pdf" }));
    expect(await code(reviewControl(b, { controlId: "GDPR-30", status: "satisfied" }, [], [staged.id]))).toBe("VALIDATION");
    const results = await Promise.all(Array.from({ length: 6 }, () => code(reviewControl(a, { controlId: "GDPR-30", status: "satisfied" }, [], [staged.id]))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.every((r) => ["ok", "VALIDATION", "CONFLICT"].includes(r))).toBe(true);
    expect(await db().controlEvidence.count({ where: { name: "a.pdf", sha256: staged.sha256 } })).toBe(1);
  });
});
