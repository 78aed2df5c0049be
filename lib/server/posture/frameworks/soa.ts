import "server-only";
import { renderPdf } from "@/lib/export/pdf";
import { toXlsx } from "@/lib/export/xlsx";
import { SOA_HEADERS, soaPdfSpec, soaRows, type SoaInput } from "@/lib/posture/frameworks/soa";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit/append";
import { db } from "@/lib/server/db";
import { frameworkDetail } from "./coverage";

/** The statement of applicability as XLSX or PDF; the export is audited (it leaves the system). */
export async function statementOfApplicability(actor: Actor, frameworkId: string, format: "xlsx" | "pdf", now = new Date()) {
  const d = await frameworkDetail(actor, frameworkId, now);
  const maps = await db().controlRequirement.findMany({ where: { requirement: { frameworkId: d.framework.id } }, select: { requirementId: true, rationale: true }, orderBy: { controlId: "asc" } });
  const rationales = new Map<string, string[]>();
  for (const m of maps) rationales.set(m.requirementId, [...(rationales.get(m.requirementId) ?? []), m.rationale]);
  const input: SoaInput = { framework: d.framework, requirements: d.requirements, coverage: d.coverage.requirements, controls: d.controls, rationales };
  const bytes = format === "xlsx"
    ? await toXlsx([{ name: "Statement of applicability", headers: [...SOA_HEADERS], rows: soaRows(input) }], { title: `Statement of applicability: ${d.framework.title}` })
    : await renderPdf(soaPdfSpec(input, now));
  await recordAudit(actor, { action: "posture.soa.export", entityType: "Framework", entityId: d.framework.id, diff: { format, requirements: d.coverage.requirements.length } });
  return { bytes, filename: `soa-${d.framework.id}-${now.toISOString().slice(0, 10)}.${format}` };
}
