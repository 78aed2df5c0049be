import "server-only";
// Security-sensitive: what an evidence file must be before it is stored: not empty, under
// the size limit, of an allowed content type, and its first bytes matching that type.
import { AppError } from "@/lib/errors";
import { EVIDENCE_MAX_FILES, formatMegabytes } from "@/lib/upload-limits";
import { EVIDENCE_CONTENT_TYPES, EVIDENCE_MAX_BYTES, isEvidenceContentType } from "@/lib/validation/posture";

export type EvidenceUpload = { name: string; type: string; bytes: Uint8Array };
export const MAX_FILES_PER_REVIEW = EVIDENCE_MAX_FILES;

const MAGIC: Partial<Record<string, number[]>> = {
  "application/pdf": [0x25, 0x50, 0x44, 0x46], // %PDF
  "image/png": [0x89, 0x50, 0x4e, 0x47],
  "image/jpeg": [0xff, 0xd8, 0xff],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [0x50, 0x4b, 0x03, 0x04], // zip
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [0x50, 0x4b, 0x03, 0x04],
};

function safeName(name: string) {
  const base = name.split(/[\\/]/).pop() ?? "evidence";
  return base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200) || "evidence";
}

export function checkEvidenceFile(f: EvidenceUpload): { name: string; contentType: string } {
  const name = safeName(f.name);
  const type = f.type.split(";")[0]!.trim().toLowerCase();
  if (f.bytes.byteLength === 0) throw new AppError("VALIDATION", `${name} is empty.`, [{ path: "files", message: `${name} is empty` }]);
  if (f.bytes.byteLength > EVIDENCE_MAX_BYTES) {
    throw new AppError("VALIDATION", `${name} is larger than ${formatMegabytes(EVIDENCE_MAX_BYTES)}.`, [{ path: "files", message: `${name} is too large (max ${formatMegabytes(EVIDENCE_MAX_BYTES)})` }]);
  }
  if (!isEvidenceContentType(type)) {
    throw new AppError("VALIDATION", `${name}: file type ${type || "unknown"} is not accepted.`, [{ path: "files", message: `accepted: ${Object.values(EVIDENCE_CONTENT_TYPES).join(", ")}` }]);
  }
  const magic = MAGIC[type];
  if (magic && !magic.every((b, i) => f.bytes[i] === b)) {
    throw new AppError("VALIDATION", `${name} is not a valid ${EVIDENCE_CONTENT_TYPES[type]} file.`, [{ path: "files", message: `${name} does not match its type` }]);
  }
  return { name, contentType: type };
}

