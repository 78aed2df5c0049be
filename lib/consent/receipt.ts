// The consent receipt (PDF) for one subject: what the export prints, not how.
import type { PdfDocumentSpec } from "@/lib/export/pdf";

export type ReceiptInput = {
  generatedAt: string;
  subjectId: string;
  subjectRef: string;
  lastGpcAt: string | null;
  current: { purpose: string; title: string; status: string; updatedAt: string | null; gpcHonoured: boolean; noticeVersion: number | null }[];
  events: { purpose: string; action: string; occurredAt: string; receivedAt: string; noticeVersion: number | null; noticeSha256: string | null; source: string; jurisdiction: string | null; gpc: boolean }[];
  notices: { purpose: string; version: number; textSha256: string; publishedAt: string }[];
};

const STATUS_LABEL: Record<string, string> = { granted: "Granted", withdrawn: "Withdrawn", opted_out: "Opted out", none: "No record" };
const day = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 19) + " UTC" : "—");

export function consentReceiptSpec(p: ReceiptInput): PdfDocumentSpec {
  return {
    title: "Consent receipt",
    subtitle: `Generated ${day(p.generatedAt)} · subject reference ${p.subjectRef}`,
    footer: "GDPR Art. 7(1): proof of consent · CCPA 1798.135: opt-out of sale/sharing",
    blocks: [
      { kind: "keyValues", items: [["Data subject", p.subjectId], ["Latest GPC signal", day(p.lastGpcAt)], ["Events recorded", String(p.events.length)]] },
      { kind: "heading", text: "Current state" },
      {
        kind: "table",
        headers: ["Purpose", "Status", "Since", "Notice", "GPC"],
        rows: p.current.map((c) => [`${c.title} (${c.purpose})`, STATUS_LABEL[c.status] ?? c.status, day(c.updatedAt), c.noticeVersion ? `v${c.noticeVersion}` : "—", c.gpcHonoured ? "GPC honoured" : ""]),
        widths: [170, 70, 120, 50, 85],
      },
      { kind: "heading", text: "History (newest first)" },
      {
        kind: "table",
        headers: ["Occurred", "Purpose", "Action", "Notice", "Source", "Where", "GPC"],
        rows: p.events.map((e) => [day(e.occurredAt), e.purpose, e.action, e.noticeVersion ? `v${e.noticeVersion}` : "—", e.source, e.jurisdiction ?? "—", e.gpc ? "yes" : ""]),
        widths: [115, 110, 60, 45, 55, 50, 40],
      },
      { kind: "heading", text: "Notice texts (SHA-256)" },
      p.notices.length
        ? { kind: "table", headers: ["Purpose", "Version", "Published", "SHA-256"], rows: p.notices.map((n) => [n.purpose, `v${n.version}`, day(n.publishedAt), n.textSha256]), widths: [100, 45, 110, 240] }
        : { kind: "paragraph", text: "No notice texts are recorded." },
    ],
  };
}
