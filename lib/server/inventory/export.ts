import "server-only";
// Exports of the register (CSV per kind, one XLSX workbook) and the Art. 30 record as a
// PDF for a supervisory authority (GDPR Art. 30(4)). Every export is audited. Cells go
// through the formula-injection guard in lib/export.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { toCsv, type Cell } from "@/lib/export/csv";
import { renderPdf, type PdfBlock } from "@/lib/export/pdf";
import { toXlsx } from "@/lib/export/xlsx";
import {
  ART9_CONDITIONS,
  dataCategoryLabel,
  DPIA_STATUSES,
  labelOf,
  LAWFUL_BASES,
  RECIPIENT_KINDS,
  SUBJECT_CATEGORIES,
  TRANSFER_SAFEGUARDS,
} from "@/lib/inventory/catalogue";
import { countryName } from "@/lib/inventory/countries";
import { ACTIVITY_COLUMNS, ASSET_COLUMNS, joinList, tagged } from "@/lib/inventory/csv-format";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getSetting } from "@/lib/server/settings/settings";
import { ownersById } from "@/lib/server/inventory/common";
import { ACTIVITY_INCLUDE, toActivityDto, toAssetDto, type ActivityDto, type AssetDto } from "@/lib/server/inventory/dto";

export type ExportFile = { filename: string; contentType: string; body: Buffer };

const formatSchema = z.enum(["assets.csv", "activities.csv", "register.xlsx", "art30.pdf"]);
export type ExportFormat = z.infer<typeof formatSchema>;

async function loadAll() {
  const [assetRows, activityRows] = await Promise.all([
    // The register is what is in use: archived records are left out (docs/decisions/101).
    db().dataAsset.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" } }),
    db().processingActivity.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, include: ACTIVITY_INCLUDE }),
  ]);
  const owners = await ownersById(db(), assetRows.map((a) => a.ownerId));
  const now = new Date();
  return { assets: assetRows.map((r) => toAssetDto(r, owners, now)), activities: activityRows.map((r) => toActivityDto(r, now)) };
}

function assetRow(a: AssetDto): Cell[] {
  return [
    a.name, a.description, a.owner?.email ?? "", a.businessUnit, a.hosting, a.hostingProvider, joinList(a.locations), joinList(a.dataCategories),
    joinList(a.subjectCategories), a.volumeBand, a.encryptionAtRest, a.encryptionInTransit, a.accessControl, a.mfaEnforced ? "yes" : "no",
    a.loggingEnabled ? "yes" : "no", a.lastPenTestAt, a.backup, a.retentionMonths, a.deletionMethod, a.reviewIntervalMonths, a.nextReviewAt, a.id,
  ];
}

function activityRow(p: ActivityDto): Cell[] {
  return [
    p.name, p.description, p.role, p.controllerName, p.controllerContact, p.jointControllers, p.representative, p.dpoContact, p.onBehalfOf,
    joinList(p.purposes.map((x) => tagged(x.purpose, x.lawfulBasis))), p.art9Condition, joinList(p.subjectCategories), joinList(p.dataCategories),
    joinList(p.recipients.map((r) => tagged(r.name, r.kind))), joinList(p.transfers.map((t) => tagged([t.country, t.recipient].filter(Boolean).join(" "), t.safeguard))),
    p.erasureTimeLimit, p.securityMeasures, p.dpiaRequired ? "yes" : "no", p.dpiaStatus, joinList(p.assets.map((a) => a.name)), p.reviewIntervalMonths, p.nextReviewAt, p.id,
  ];
}

export async function exportInventory(actor: Actor, format: unknown, opts: { activityId?: string } = {}): Promise<ExportFile> {
  await requirePermission(actor, "inventory:read", { type: "InventoryExport" });
  const f = formatSchema.safeParse(format);
  if (!f.success) throw new AppError("NOT_FOUND", "No such export.");
  const stamp = new Date().toISOString().slice(0, 10);
  let file: ExportFile;
  const { assets, activities } = await loadAll();
  switch (f.data) {
    case "assets.csv":
      file = { filename: `assets-${stamp}.csv`, contentType: "text/csv; charset=utf-8", body: Buffer.from(toCsv([...ASSET_COLUMNS], assets.map(assetRow)), "utf8") };
      break;
    case "activities.csv":
      file = { filename: `processing-activities-${stamp}.csv`, contentType: "text/csv; charset=utf-8", body: Buffer.from(toCsv([...ACTIVITY_COLUMNS], activities.map(activityRow)), "utf8") };
      break;
    case "register.xlsx": {
      const findings = [...assets.flatMap((a) => a.findings), ...activities.flatMap((p) => p.findings)];
      file = {
        filename: `data-inventory-${stamp}.xlsx`,
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body: await toXlsx(
          [
            { name: "Assets", headers: [...ASSET_COLUMNS], rows: assets.map(assetRow) },
            { name: "Processing activities", headers: [...ACTIVITY_COLUMNS], rows: activities.map(activityRow) },
            { name: "Findings", headers: ["rule", "citation", "severity", "record_kind", "record", "detail"], rows: findings.map((x) => [x.title, x.citation, x.severity, x.recordKind, x.recordName, x.detail]) },
          ],
          { title: "Data inventory and records of processing" },
        ),
      };
      break;
    }
    case "art30.pdf": {
      const chosen = opts.activityId ? activities.filter((p) => p.id === opts.activityId) : activities;
      if (opts.activityId && chosen.length === 0) throw new AppError("NOT_FOUND", "No such processing activity.");
      const org = await getSetting("org.name");
      file = { filename: `art30-record-${stamp}.pdf`, contentType: "application/pdf", body: await art30Pdf(org, chosen) };
      break;
    }
  }
  await recordAudit(actor, {
    action: "inventory.export",
    entityType: opts.activityId ? "ProcessingActivity" : "InventoryExport",
    entityId: opts.activityId ?? null,
    diff: { format: f.data, assets: assets.length, activities: activities.length },
  });
  return file;
}

const list = (values: string[]) => (values.length ? values.join(", ") : "—");
const subjects = (codes: string[]) => list(codes.map((c) => labelOf(SUBJECT_CATEGORIES, c)));

function art30Pdf(org: string, activities: ActivityDto[]) {
  const controllerView = activities.filter((p) => p.role === "controller");
  const processorView = activities.filter((p) => p.role === "processor");
  const blocks: PdfBlock[] = [
    { kind: "paragraph", text: `Record of processing activities kept by ${org} under Article 30 of Regulation (EU) 2016/679 (GDPR). Part A lists the activities for which the organisation is controller (Art. 30(1)); Part B those it carries out as processor on behalf of other controllers (Art. 30(2)). Generated ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.` },
  ];
  if (activities.length === 0) blocks.push({ kind: "paragraph", text: "No processing activities are recorded." });
  if (controllerView.length) blocks.push({ kind: "heading", text: "Part A — Controller (Art. 30(1))" });
  for (const p of controllerView) blocks.push(...controllerBlocks(p));
  if (processorView.length) blocks.push({ kind: "heading", text: "Part B — Processor (Art. 30(2))" });
  for (const p of processorView) blocks.push(...processorBlocks(p));
  return renderPdf({ title: "Record of processing activities", subtitle: `${org} · GDPR Art. 30`, footer: `${org} — Art. 30 record`, blocks });
}

function transfersText(p: ActivityDto) {
  return p.transfers.length ? p.transfers.map((t) => `${countryName(t.country)} (${t.country})${t.recipient ? `, ${t.recipient}` : ""}: ${labelOf(TRANSFER_SAFEGUARDS, t.safeguard)}`).join("; ") : "None";
}

function controllerBlocks(p: ActivityDto): PdfBlock[] {
  return [
    { kind: "heading", text: p.name },
    ...(p.description ? [{ kind: "paragraph" as const, text: p.description }] : []),
    {
      kind: "keyValues",
      items: [
        ["(a) Controller", [p.controllerName, p.controllerContact].filter(Boolean).join(", ")],
        ["(a) Joint controller(s)", p.jointControllers ?? "—"],
        ["(a) Representative", p.representative ?? "—"],
        ["(a) Data protection officer", p.dpoContact ?? "—"],
        ["(b) Purposes", p.purposes.length ? p.purposes.map((x) => `${x.purpose} — ${labelOf(LAWFUL_BASES, x.lawfulBasis) === "—" ? "NO LAWFUL BASIS RECORDED" : labelOf(LAWFUL_BASES, x.lawfulBasis)}`).join("; ") : "—"],
        ["Art. 9(2) condition", labelOf(ART9_CONDITIONS, p.art9Condition)],
        ["(c) Data subjects", subjects(p.subjectCategories)],
        ["(c) Personal data", list(p.dataCategories.map(dataCategoryLabel))],
        ["(d) Recipients", p.recipients.length ? p.recipients.map((r) => `${r.name} (${labelOf(RECIPIENT_KINDS, r.kind)})`).join("; ") : "—"],
        ["(e) Third-country transfers", transfersText(p)],
        ["(f) Erasure time limits", p.erasureTimeLimit ?? "—"],
        ["(g) Security measures", p.securityMeasures ?? "—"],
        ["DPIA (Art. 35)", p.dpiaRequired ? `Required — ${labelOf(DPIA_STATUSES, p.dpiaStatus)}` : "Not required"],
        ["Systems used", list(p.assets.map((a) => a.name))],
        ["Last reviewed", p.lastReviewedAt?.slice(0, 10) ?? "—"],
      ],
    },
  ];
}

function processorBlocks(p: ActivityDto): PdfBlock[] {
  return [
    { kind: "heading", text: p.name },
    {
      kind: "keyValues",
      items: [
        ["(a) Processor", [p.controllerName, p.controllerContact].filter(Boolean).join(", ")],
        ["(a) On behalf of (controller)", p.onBehalfOf ?? "—"],
        ["(a) Representative", p.representative ?? "—"],
        ["(a) Data protection officer", p.dpoContact ?? "—"],
        ["(b) Categories of processing", p.purposes.map((x) => x.purpose).join("; ") || "—"],
        ["(c) Third-country transfers", transfersText(p)],
        ["(d) Security measures", p.securityMeasures ?? "—"],
        ["Systems used", list(p.assets.map((a) => a.name))],
      ],
    },
  ];
}

