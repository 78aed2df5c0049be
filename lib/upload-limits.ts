// Upload sizes in one place: the evidence form, its server-side check and the server
// actions' body limit in next.config.ts are derived from these, so the form's promise and
// what the server accepts cannot drift apart (a 1 MB default once turned uploads the form
// allowed into HTTP 500s).
// Evidence files are streamed one by one to POST /posture/evidence/upload (not through a
// server action), so this limit is per request; server actions carry only form fields and
// the inventory import (1 MB), and keep a small body limit.
export const EVIDENCE_MAX_BYTES = 25 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 5;
/** The inventory import's file cap (lib/server/inventory/import.ts checks the same number). */
export const IMPORT_MAX_BYTES_FOR_ACTIONS = 1_000_000;
/** The inventory import's 1 MB file plus room for the other fields and multipart framing. */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 2 * 1024 * 1024;
/** What the proxy buffers of a request body: one evidence file and then some. */
export const PROXY_BODY_LIMIT_BYTES = EVIDENCE_MAX_BYTES + 1024 * 1024;

export const formatMegabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** What is wrong with a selection of evidence files before it is sent, or null. */
export function evidenceSelectionProblem(files: readonly { name: string; size: number }[]): string | null {
  if (files.length > EVIDENCE_MAX_FILES) return `Attach at most ${EVIDENCE_MAX_FILES} files per review (${files.length} selected).`;
  const big = files.filter((f) => f.size > EVIDENCE_MAX_BYTES);
  if (big.length) return `${big.map((f) => f.name).join(", ")} ${big.length > 1 ? "are" : "is"} larger than ${formatMegabytes(EVIDENCE_MAX_BYTES)}; nothing was sent.`;
  return null;
}
