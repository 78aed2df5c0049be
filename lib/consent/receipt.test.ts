import { describe, expect, it } from "vitest";
import { consentReceiptSpec } from "@/lib/consent/receipt";
import { renderPdf } from "@/lib/export/pdf";

const proof = {
  generatedAt: "2026-11-27T10:00:00.000Z",
  subjectId: "jane@example.org",
  subjectRef: "ref-1",
  lastGpcAt: "2026-11-02T09:00:00.000Z",
  current: [{ purpose: "ad_sharing", title: "Ad sharing", status: "opted_out", updatedAt: "2026-11-02T09:00:00.000Z", gpcHonoured: true, noticeVersion: 1 }],
  events: [
    { purpose: "ad_sharing", action: "opt_out", occurredAt: "2026-11-02T09:00:00.000Z", receivedAt: "2026-11-02T09:00:01.000Z", noticeVersion: 1, noticeSha256: "a".repeat(64), source: "api", jurisdiction: "US-CA", gpc: true },
    { purpose: "ad_sharing", action: "grant", occurredAt: "2026-11-01T09:00:00.000Z", receivedAt: "2026-11-01T09:00:01.000Z", noticeVersion: 1, noticeSha256: "a".repeat(64), source: "banner", jurisdiction: "US-CA", gpc: false },
  ],
  notices: [{ purpose: "ad_sharing", version: 1, textSha256: "a".repeat(64), publishedAt: "2026-10-01T00:00:00.000Z" }],
};

describe("consent receipt (GDPR Art. 7(1) demonstrable consent; CCPA regs 7025 GPC honoured shown)", () => {
  it("prints the subject, the state with GPC honoured, every event and the notice hashes", async () => {
    const spec = consentReceiptSpec(proof);
    const text = JSON.stringify(spec.blocks);
    expect(text).toContain("jane@example.org");
    expect(text).toContain("GPC honoured");
    expect(text).toContain("a".repeat(64));
    const history = spec.blocks.find((b) => b.kind === "table" && b.headers[0] === "Occurred");
    expect(history && history.kind === "table" && history.rows.length).toBe(2);
    const pdf = await renderPdf(spec);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("says so when no notice text is recorded", () => {
    const spec = consentReceiptSpec({ ...proof, notices: [] });
    expect(JSON.stringify(spec.blocks)).toContain("No notice texts are recorded.");
  });
});
