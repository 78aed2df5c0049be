// The statement of applicability of one framework: one row per assessable requirement. Pure,
// so the XLSX, the PDF and the tests print the same rows.
import type { PdfDocumentSpec } from "@/lib/export/pdf";
import { REQUIREMENT_STATUS_LABELS, type RequirementCoverage } from "./coverage";

export const SOA_HEADERS = ["Requirement", "Title", "Applicable", "Why", "Controls", "Status", "Evidence", "Owner", "Last review"] as const;

export type SoaInput = {
  framework: { id: string; title: string; version: string; licenceNote: string };
  requirements: readonly { id: string; identifier: string; title: string }[];
  coverage: readonly RequirementCoverage[];
  controls: ReadonlyMap<string, { owner: string | null; lastReviewedAt: string | null }>;
  rationales: ReadonlyMap<string, string[]>; // requirement id -> mapping rationales
};

export function soaRows(input: SoaInput): string[][] {
  const req = new Map(input.requirements.map((r) => [r.id, r]));
  return input.coverage.map((c) => {
    const r = req.get(c.requirementId)!;
    const cs = c.controlIds.map((id) => input.controls.get(id));
    const owners = [...new Set(cs.map((x) => x?.owner).filter((o): o is string => !!o))];
    const last = cs.map((x) => x?.lastReviewedAt).filter((d): d is string => !!d).sort().at(-1) ?? "";
    const applicable = c.status !== "not_applicable";
    const why = applicable ? (input.rationales.get(c.requirementId) ?? []).join(" ") || (c.status === "unmapped" ? "No control mapped yet." : "") : (c.reason ?? "");
    return [r.identifier, r.title, applicable ? "Yes" : "No", why, c.controlIds.join(", "), REQUIREMENT_STATUS_LABELS[c.status], String(c.evidenceCount), owners.join(", "), last.slice(0, 10)];
  });
}

export function soaPdfSpec(input: SoaInput, generatedAt: Date): PdfDocumentSpec {
  const rows = soaRows(input);
  return {
    title: `Statement of applicability: ${input.framework.title}`,
    subtitle: `${input.framework.version} · generated ${generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC · ${input.framework.licenceNote}`,
    footer: input.framework.title,
    blocks: [{
      kind: "table",
      headers: ["Requirement", "Applicable / why", "Controls", "Status", "Evidence", "Owner", "Last review"],
      rows: rows.map((r) => [`${r[0]} ${r[1]}`, `${r[2]}${r[3] ? `: ${r[3]}` : ""}`, r[4]!, r[5]!, r[6]!, r[7]!, r[8]!]),
      // Wide enough for a control id up to its second hyphen, "Not satisfied", an owner such as "Compliance officer", the headers and a date.
      widths: [100, 112, 80, 55, 44, 54, 50],
    }],
  };
}
