import "server-only";
// Exports of the breach area. Every export is audited (it carries facts about people affected).
import { nis2EarlyWarning, sec8kItem105Text } from "@/lib/breaches/sector-reports";
import { readOrganisationProfile } from "@/lib/server/organisation/profile";
import { aiActInitialReport, californiaNoticeDraft, californiaNoticeText, gdprArt33Draft, hhsPortalRecord, incidentReportPdf, OBLIGATION_SHEET_HEADERS, obligationRows, REGISTER_HEADERS, registerRows } from "@/lib/breaches/reports";
import { toCsv } from "@/lib/export/csv";
import { renderPdf } from "@/lib/export/pdf";
import { toXlsx } from "@/lib/export/xlsx";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { attachAssetSummaries, attachAssetSummariesMany } from "@/lib/server/breaches/incident-assets";
import { loadIncidentDto, loadIncidentDtos } from "@/lib/server/breaches/load-many";
import { getSetting } from "@/lib/server/settings/settings";

export const INCIDENT_EXPORTS = ["report.pdf", "gdpr-art33.pdf", "ca-notice.pdf", "ca-notice.txt", "hhs.json", "ai-act-art73.pdf", "sec-8k-item105.txt", "nis2-early-warning.pdf", "incident.json"] as const;
export type IncidentExport = (typeof INCIDENT_EXPORTS)[number];
export const REGISTER_EXPORTS = ["register.csv", "register.xlsx", "register.json"] as const;
export type RegisterExport = (typeof REGISTER_EXPORTS)[number];

export type ExportFile = { filename: string; contentType: string; body: Buffer | string };

const PDF = "application/pdf";
const JSON_TYPE = "application/json; charset=utf-8";

export async function exportIncident(actor: Actor, incidentId: string, format: string): Promise<ExportFile> {
  await requirePermission(actor, "breach:export", { type: "Incident", id: incidentId });
  if (!INCIDENT_EXPORTS.includes(format as IncidentExport)) throw new AppError("NOT_FOUND", `No export called ${format}.`);
  const incident = await attachAssetSummaries(actor, await db().$transaction((tx) => loadIncidentDto(tx, incidentId)));
  const profile = await readOrganisationProfile();
  const orgName = profile.legalName || (await getSetting("org.name"));
  const now = new Date();
  const base = `${incident.reference}`;
  let file: ExportFile;
  switch (format as IncidentExport) {
    case "report.pdf":
      file = { filename: `${base}-breach-report.pdf`, contentType: PDF, body: await renderPdf(incidentReportPdf(incident, now.toISOString(), orgName)) };
      break;
    case "gdpr-art33.pdf":
      file = { filename: `${base}-gdpr-art33-draft.pdf`, contentType: PDF, body: await renderPdf(gdprArt33Draft(incident, orgName, now.getTime(), profile.dpo)) };
      break;
    case "ca-notice.pdf":
      file = { filename: `${base}-california-notice-of-data-breach-draft.pdf`, contentType: PDF, body: await renderPdf(californiaNoticeDraft(incident, orgName)) };
      break;
    case "ca-notice.txt":
      file = { filename: `${base}-california-notice-of-data-breach-draft.txt`, contentType: "text/plain; charset=utf-8", body: californiaNoticeText(incident, orgName) };
      break;
    case "sec-8k-item105.txt":
      file = { filename: `${base}-form-8-k-item-1.05-draft.txt`, contentType: "text/plain; charset=utf-8", body: sec8kItem105Text(incident, orgName) };
      break;
    case "nis2-early-warning.pdf":
      file = { filename: `${base}-nis2-early-warning-draft.pdf`, contentType: PDF, body: await renderPdf(nis2EarlyWarning(incident, orgName)) };
      break;
    case "ai-act-art73.pdf":
      // Offered only for an incident flagged as an AI serious incident (Art. 3(49)).
      if (!incident.aiSeriousIncident) throw new AppError("NOT_FOUND", "The AI Act Art. 73 report is only available for an incident flagged as an AI serious incident.");
      file = { filename: `${base}-ai-act-art73-initial-report.pdf`, contentType: PDF, body: await renderPdf(aiActInitialReport(incident, orgName)) };
      break;
    case "hhs.json":
      file = { filename: `${base}-hhs-breach-portal.json`, contentType: JSON_TYPE, body: JSON.stringify(hhsPortalRecord(incident, orgName), null, 2) };
      break;
    case "incident.json":
      file = { filename: `${base}.json`, contentType: JSON_TYPE, body: JSON.stringify({ exportedAt: now.toISOString(), incident }, null, 2) };
      break;
  }
  await recordAudit(actor, { action: "incident.export", entityType: "Incident", entityId: incidentId, diff: { format, filename: file.filename } });
  return file;
}

export async function exportRegister(actor: Actor, format: string): Promise<ExportFile> {
  await requirePermission(actor, "breach:export", { type: "Incident" });
  if (!REGISTER_EXPORTS.includes(format as RegisterExport)) throw new AppError("NOT_FOUND", `No export called ${format}.`);
  const ids = await db().incident.findMany({ select: { id: true }, orderBy: { discoveredAt: "desc" } });
  // The assets' summaries after the transaction: they are read through the inventory's own client.
  const incidents = await attachAssetSummariesMany(actor, await db().$transaction((tx) => loadIncidentDtos(tx, ids.map((r) => r.id))));
  const stamp = new Date().toISOString().slice(0, 10);
  let file: ExportFile;
  switch (format as RegisterExport) {
    case "register.csv":
      file = { filename: `breach-register-${stamp}.csv`, contentType: "text/csv; charset=utf-8", body: toCsv(REGISTER_HEADERS, registerRows(incidents)) };
      break;
    case "register.xlsx":
      file = {
        filename: `breach-register-${stamp}.xlsx`,
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body: await toXlsx(
          [
            { name: "Register (Art. 33(5))", headers: REGISTER_HEADERS, rows: registerRows(incidents) },
            { name: "Obligations", headers: OBLIGATION_SHEET_HEADERS, rows: obligationRows(incidents) },
          ],
          { title: "Breach register" },
        ),
      };
      break;
    case "register.json":
      file = { filename: `breach-register-${stamp}.json`, contentType: JSON_TYPE, body: JSON.stringify({ exportedAt: new Date().toISOString(), incidents }, null, 2) };
      break;
  }
  await recordAudit(actor, { action: "breach_register.export", entityType: "Incident", entityId: null, diff: { format, incidents: incidents.length } });
  return file;
}
