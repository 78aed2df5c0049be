// Regulator drafts for the sector regimes where a form exists (docs/decisions/330): the Form 8-K
// Item 1.05 text and the NIS2 Art. 23(4)(a) early warning. Pure: DTO in, text/document out.
import type { PdfDocumentSpec } from "@/lib/export/pdf";
import type { IncidentDto } from "@/lib/validation/breaches";
import { formatInstant } from "./reports";

/** Form 8-K Item 1.05 draft (plain text, to be finished by counsel before filing on EDGAR). */
export function sec8kItem105Text(i: IncidentDto, legalName: string): string {
  const sec = i.obligations.find((o) => o.regime === "SEC-8K");
  const determined = i.sector.materialityDeterminedAt;
  return [
    "FORM 8-K — DRAFT",
    `Registrant: ${legalName}`,
    `Incident: ${i.reference} · ${i.title}`,
    determined ? `Materiality determined: ${formatInstant(determined, i.timeZone)}` : "Materiality determined: [not yet recorded]",
    sec?.dueAt ? `Filing due: ${formatInstant(sec.dueAt, i.timeZone)} (${sec.citation})` : "Filing due: four business days after the materiality determination",
    "",
    "Item 1.05 Material Cybersecurity Incidents.",
    "",
    "(a) Nature, scope and timing of the incident:",
    `On ${formatInstant(i.discoveredAt, i.timeZone).slice(0, 10)}, ${legalName} identified ${i.title.charAt(0).toLowerCase()}${i.title.slice(1)}.${i.occurredAt ? ` The incident began on or about ${formatInstant(i.occurredAt, i.timeZone).slice(0, 10)}.` : ""} ${i.description}`.trim(),
    i.containedAt ? `The incident was contained on ${formatInstant(i.containedAt, i.timeZone).slice(0, 10)}.` : "[State whether the incident is ongoing.]",
    "",
    "Material impact or reasonably likely material impact on the registrant, including its financial condition and results of operations:",
    "[to complete]",
    "",
    "Instruction 2 to Item 1.05: information not determined or unavailable at the time of filing is stated as such and provided by amendment within four business days after it becomes available.",
    "Instruction 4 to Item 1.05: do not disclose specific or technical information about planned response or vulnerabilities in a detail that would impede the response or remediation.",
    ...(i.sector.secDelayUntil ? ["", `Attorney General delay (Item 1.05(c)) until ${i.sector.secDelayUntil}.`] : []),
  ].join("\n");
}

/** NIS2 Art. 23(4)(a) early warning to the CSIRT or competent authority (a draft to complete). */
export function nis2EarlyWarning(i: IncidentDto, legalName: string): PdfDocumentSpec {
  const rows = i.obligations.filter((o) => o.regime === "NIS2" && o.key.endsWith(":early_warning"));
  return {
    title: "Early warning of a significant incident (NIS2 Art. 23(4)(a)) — DRAFT",
    subtitle: `${legalName} · ${i.reference} · ${i.title}`,
    footer: "Draft: the incident notification follows within 72 hours of awareness (Art. 23(4)(b))",
    blocks: [
      { kind: "heading", text: "Recipients and deadlines" },
      rows.length
        ? { kind: "table", headers: ["CSIRT / competent authority", "Due (24 hours after awareness)", "Citation"], rows: rows.map((o) => [o.jurisdiction ?? "—", formatInstant(o.dueAt, i.timeZone), o.citation]) }
        : { kind: "paragraph", text: "No NIS2 early warning is derived (the organisation profile names no NIS2 entity type, or the incident was assessed as not significant)." },
      { kind: "keyValues", items: [
        ["Entity", legalName],
        ["Became aware", formatInstant(i.discoveredAt, i.timeZone)],
        ["Suspected unlawful or malicious act", "[yes / no / unknown]"],
        ["Possible cross-border impact", "[yes / no / unknown]"],
      ] },
      { kind: "heading", text: "Summary" },
      { kind: "paragraph", text: `${i.title}. ${i.description}`.trim() },
    ],
  };
}
