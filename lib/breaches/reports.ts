// Regulator-ready documents built from one incident (pure: DTO in, document model out). The
// data layer renders them (PDF, CSV, XLSX, JSON) and audits the export.
import type { PdfBlock, PdfDocumentSpec } from "@/lib/export/pdf";
import type { IncidentDto, ObligationDto } from "@/lib/validation/breaches";
import { HHS_BREACH_TYPE_LABELS, HHS_LOCATION_LABELS } from "@/lib/validation/breach-sector";
import { byUrgency } from "./reconcile";
import { EU_MEMBER_STATES } from "./rules/gdpr";
import { rolesText } from "./labels";

/** "2026-03-02 11:00 (Europe/Berlin)": the organisation's wall time, which is how deadlines are counted. */
export function formatInstant(iso: string | null, timeZone: string): string {
  if (!iso) return "—";
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")} (${timeZone})`;
}

export { AI_INCIDENT_LABELS, labelOf, RISK_LABELS, ROLE_LABELS, rolesText } from "./labels";

export const RECIPIENT_LABELS: Record<string, string> = {
  supervisory_authority: "Supervisory authority",
  data_subjects: "Data subjects",
  controller: "Controller",
  individuals: "Individuals",
  media: "Media",
  hhs: "HHS Secretary",
  covered_entity: "Covered entity",
  attorney_general: "Attorney General",
  market_surveillance_authority: "Market surveillance authority",
  provider: "AI provider",
  register: "Breach register",
  state_regulator: "State regulator",
  state_police: "State police",
  data_owner: "Data owner / licensee",
  credit_bureaus: "Consumer reporting agencies",
};

export const STATUS_LABELS: Record<string, string> = { open: "Open", sent: "Sent", not_required: "Not required", late: "Late" };

export function obligationLabel(o: Pick<ObligationDto, "regime" | "recipient" | "jurisdiction">): string {
  const who = RECIPIENT_LABELS[o.recipient] ?? o.recipient;
  return `${o.regime} · ${who}${o.jurisdiction && o.jurisdiction !== o.regime ? ` (${o.jurisdiction})` : ""}`;
}

const totalAffected = (i: IncidentDto) => i.affected.reduce((n, a) => n + a.count, 0);
const yesNo = (b: boolean) => (b ? "Yes" : "No");
const orDash = (s: string | null | undefined) => (s && s.trim() ? s : "—");

function factsBlock(i: IncidentDto): PdfBlock {
  const tz = i.timeZone;
  return {
    kind: "keyValues",
    items: [
      ["Reference", i.reference],
      ["Status", i.status],
      ["Occurred", i.occurredAt ? `${formatInstant(i.occurredAt, tz)}${i.occurredUntil ? ` to ${formatInstant(i.occurredUntil, tz)}` : ""}` : "Unknown"],
      ["Discovered / aware", formatInstant(i.discoveredAt, tz)],
      ["Contained", i.containedAt ? formatInstant(i.containedAt, tz) : "Not yet"],
      ["Organisation's roles", rolesText(i.roles, i.phi)],
      ["Data categories", i.dataCategories.join(", ") || "—"],
      ["Affected people", `${totalAffected(i)} (${i.affected.map((a) => `${a.jurisdiction}: ${a.count}`).join(", ") || "none recorded"})`],
      ["PHI involved", yesNo(i.phi)],
      ["Data unreadable (encrypted, keys safe)", `${yesNo(i.encrypted)}${i.encryptedSource === "assets" ? " (pre-filled from the linked assets' encryption at rest)" : ""}`],
      ["Linked assets", i.assets.length ? i.assets.map((a) => `${a.name} (encryption at rest: ${a.encryptionAtRest.replace("_", "-")})`).join("; ") : "None linked"],
      ["AI serious incident", i.aiSeriousIncident ? `${i.aiSeriousIncident.kind}${i.aiSeriousIncident.system ? ` — ${i.aiSeriousIncident.system}` : ""}` : "No"],
      ["Law-enforcement delay", i.lawEnforcementDelay ? `until ${i.lawEnforcementDelay.until} (${i.lawEnforcementDelay.written ? "written" : "oral"} statement${i.lawEnforcementDelay.official ? `, ${i.lawEnforcementDelay.official}` : ""})` : "None"],
    ],
  };
}

function riskBlocks(i: IncidentDto): PdfBlock[] {
  return [
    { kind: "heading", text: "Risk assessments" },
    { kind: "keyValues", items: [["GDPR risk (Art. 33(1), 34(1))", i.riskLevel], ["Rationale", orDash(i.riskRationale)]] },
    {
      kind: "keyValues",
      items: [
        ["HIPAA 164.402(2)(i) nature and extent of PHI", orDash(i.hipaaAssessment.nature)],
        ["(ii) unauthorized person", orDash(i.hipaaAssessment.unauthorizedPerson)],
        ["(iii) actually acquired or viewed", orDash(i.hipaaAssessment.acquiredOrViewed)],
        ["(iv) extent of mitigation", orDash(i.hipaaAssessment.mitigation)],
        ["Conclusion: low probability of compromise", yesNo(i.hipaaLowProbabilityOfCompromise)],
      ],
    },
  ];
}

function obligationsTable(i: IncidentDto): PdfBlock {
  const rows = [...i.obligations].sort(byUrgency).map((o) => [
    obligationLabel(o),
    o.dueAt ? formatInstant(o.dueAt, i.timeZone) : o.dependsOnKey ? `after ${o.dependsOnKey} is sent` : "No fixed time",
    `${STATUS_LABELS[o.status] ?? o.status}${o.sentAt ? ` ${formatInstant(o.sentAt, i.timeZone)}` : ""}${o.reference ? ` ref ${o.reference}` : ""}${o.statusReason ? ` — ${o.statusReason}` : ""}${o.applies ? "" : " (no longer applies)"}`,
    `${o.citation}\n${o.ruleVersion}`,
  ]);
  return { kind: "table", headers: ["Obligation", "Due", "Status", "Citation / rule version"], rows, widths: [130, 110, 135, 120] };
}

export function incidentReportPdf(i: IncidentDto, generatedAt: string, orgName: string): PdfDocumentSpec {
  return {
    title: `Breach report ${i.reference}: ${i.title}`,
    subtitle: `${orgName} · generated ${formatInstant(generatedAt, i.timeZone)} · deadlines in ${i.timeZone}`,
    footer: `${i.reference} · confidential`,
    blocks: [
      { kind: "heading", text: "Facts" },
      factsBlock(i),
      ...(i.description ? [{ kind: "paragraph" as const, text: i.description }] : []),
      ...riskBlocks(i),
      { kind: "heading", text: "Notification obligations" },
      i.obligations.length ? obligationsTable(i) : { kind: "paragraph", text: "The deadline engine derived no obligations from these facts." },
      { kind: "heading", text: "Timeline" },
      i.timeline.length
        ? { kind: "table", headers: ["When", "What was done", "By"], rows: i.timeline.map((t) => [formatInstant(t.at, i.timeZone), t.action, t.performedBy || t.recordedBy]), widths: [120, 270, 105] }
        : { kind: "paragraph", text: "No timeline entries." },
    ],
  };
}

/** GDPR Art. 33(3)(a)-(d) notification to the supervisory authority (a draft to complete). */
export interface DpoContact {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly address: string;
}

/** Art. 33(3)(b) from the organisation profile; the placeholder only where nothing is recorded. */
export function dpoContactText(dpo: DpoContact | undefined): string {
  const parts = dpo ? [dpo.name, dpo.email, dpo.phone, dpo.address].map((p) => p.trim()).filter(Boolean) : [];
  return parts.length ? parts.join(" · ") : "[Name, e-mail and telephone of the DPO or contact point: record them in Admin → Organisation profile]";
}

export function gdprArt33Draft(i: IncidentDto, orgName: string, nowMs: number, dpo?: DpoContact): PdfDocumentSpec {
  const eea = i.obligations.filter((o) => (o.regime === "GDPR" || o.regime === "UK-GDPR") && o.recipient === "supervisory_authority");
  const late = eea.find((o) => o.dueAt && Date.parse(o.dueAt) < nowMs && !o.sentAt);
  return {
    title: `Personal data breach notification (GDPR Art. 33) — DRAFT`,
    subtitle: `${orgName} · ${i.reference} · ${i.title}`,
    footer: "Draft for review before submission",
    blocks: [
      { kind: "heading", text: "Authorities and deadlines" },
      eea.length
        ? { kind: "table", headers: ["Authority", "Due (72 hours after awareness)", "Citation"], rows: eea.map((o) => [obligationLabel(o), formatInstant(o.dueAt, i.timeZone), o.citation]) }
        : { kind: "paragraph", text: "No supervisory-authority notice is derived (no EEA/UK data subjects, the organisation is not controller, or the breach is unlikely to result in a risk). Record the breach in the register (Art. 33(5))." },
      { kind: "heading", text: "(a) Nature of the breach" },
      { kind: "paragraph", text: `${i.title}. ${i.description}`.trim() },
      { kind: "keyValues", items: [
        ["When it occurred", i.occurredAt ? formatInstant(i.occurredAt, i.timeZone) : "Under investigation"],
        ["When we became aware", formatInstant(i.discoveredAt, i.timeZone)],
        ["Categories of personal data", i.dataCategories.join(", ") || "[to complete]"],
        ["Approximate number of data subjects", `${totalAffected(i)} (${i.affected.map((a) => `${a.jurisdiction}: ${a.count}`).join(", ")})`],
        ["Approximate number of records", "[to complete]"],
      ] },
      { kind: "heading", text: "(b) Data protection officer or other contact point" },
      { kind: "paragraph", text: dpoContactText(dpo) },
      { kind: "heading", text: "(c) Likely consequences" },
      { kind: "paragraph", text: `Risk assessment: ${i.riskLevel}. ${i.riskRationale || "[Describe the likely consequences for the data subjects]"}` },
      { kind: "heading", text: "(d) Measures taken or proposed" },
      { kind: "paragraph", text: i.containedAt ? `Contained on ${formatInstant(i.containedAt, i.timeZone)}.` : "Containment in progress." },
      { kind: "bullets", items: i.timeline.map((t) => `${formatInstant(t.at, i.timeZone)}: ${t.action}`) },
      ...(late ? [{ kind: "heading" as const, text: "Reasons for the delay (Art. 33(1))" }, { kind: "paragraph" as const, text: "[This notification is made after 72 hours; state the reasons for the delay.]" }] : []),
      { kind: "paragraph", text: "Information may be provided in phases without undue further delay (Art. 33(4))." },
    ],
  };
}

/** Cal. Civ. Code 1798.82(d)(1): "Notice of Data Breach" with the five statutory headings. */
export const CA_HEADINGS = ["What Happened", "What Information Was Involved", "What We Are Doing", "What You Can Do", "For More Information"] as const;

function californiaBody(i: IncidentDto, orgName: string): Record<(typeof CA_HEADINGS)[number], string> {
  return {
    "What Happened": `On ${formatInstant(i.discoveredAt, i.timeZone).slice(0, 10)}, ${orgName} discovered ${i.title.charAt(0).toLowerCase()}${i.title.slice(1)}.${i.occurredAt ? ` The incident occurred on or about ${formatInstant(i.occurredAt, i.timeZone).slice(0, 10)}.` : ""} ${i.description}`.trim(),
    "What Information Was Involved": i.dataCategories.length ? `The information involved: ${i.dataCategories.join(", ")}.` : "[List the types of personal information involved]",
    "What We Are Doing": `${i.containedAt ? `We contained the incident on ${formatInstant(i.containedAt, i.timeZone).slice(0, 10)}. ` : ""}[Describe the investigation and the steps taken to prevent a recurrence.]`,
    "What You Can Do": "[Steps recipients can take, e.g. monitor account statements, place a fraud alert or security freeze; where SSNs or ID numbers were involved, the offer of identity theft prevention and mitigation services (1798.82(d)(2)(G))]",
    "For More Information": `[Toll-free number, e-mail and postal address of ${orgName}; contact details of the major credit reporting agencies where SSNs or ID numbers were involved]`,
  };
}

/** The same notice as editable plain text (to paste into a mailing tool and finish there). */
export function californiaNoticeText(i: IncidentDto, orgName: string): string {
  const body = californiaBody(i, orgName);
  return ["NOTICE OF DATA BREACH", "", ...CA_HEADINGS.flatMap((h) => [h, body[h], ""])].join("\n");
}

export function californiaNoticeDraft(i: IncidentDto, orgName: string): PdfDocumentSpec {
  const ca = i.obligations.find((o) => o.regime === "US-CA" && o.recipient === "individuals");
  const body = californiaBody(i, orgName);
  return {
    title: "Notice of Data Breach",
    subtitle: `${orgName} · DRAFT for ${i.reference}${ca?.dueAt ? ` · send by ${formatInstant(ca.dueAt, i.timeZone)} (${ca.citation})` : ""}`,
    footer: "Cal. Civ. Code 1798.82(d): title and headings as required; at least 10-point type",
    blocks: CA_HEADINGS.flatMap((h) => [{ kind: "heading" as const, text: h }, { kind: "paragraph" as const, text: body[h] }]),
  };
}

/** A record shaped like the HHS OCR breach portal form (fields as the portal asks for them). */
export function hhsPortalRecord(i: IncidentDto, orgName: string) {
  const hhs = i.obligations.find((o) => o.regime === "HIPAA" && o.recipient === "hhs");
  const total = totalAffected(i);
  return {
    form: "HHS OCR breach of unsecured protected health information",
    reportType: total >= 500 ? "500 or more individuals (45 CFR 164.408(b))" : "Fewer than 500 individuals (45 CFR 164.408(c))",
    dueAt: hhs?.dueAt ?? null,
    citation: hhs?.citation ?? null,
    coveredEntity: { name: orgName, type: i.roles.includes("business_associate") ? "Business Associate" : "Covered Entity" },
    breach: {
      startDate: i.occurredAt?.slice(0, 10) ?? null,
      endDate: i.occurredUntil?.slice(0, 10) ?? null,
      discoveryDate: i.discoveredAt.slice(0, 10),
      approximateNumberOfIndividualsAffected: total,
      // HHS portal categories as collected by the wizard; the placeholder lists them when none is recorded.
      typeOfBreach: i.sector.hhsBreachType.length
        ? i.sector.hhsBreachType.map((t) => HHS_BREACH_TYPE_LABELS[t as keyof typeof HHS_BREACH_TYPE_LABELS] ?? t)
        : `[${Object.values(HHS_BREACH_TYPE_LABELS).join(" | ")}]`,
      locationOfBreachedInformation: i.sector.hhsLocation.length
        ? i.sector.hhsLocation.map((t) => HHS_LOCATION_LABELS[t as keyof typeof HHS_LOCATION_LABELS] ?? t)
        : `[${Object.values(HHS_LOCATION_LABELS).join(" | ")}]`,
      typeOfProtectedHealthInformationInvolved: i.dataCategories,
      briefDescription: `${i.title}. ${i.description}`.trim(),
      safeguardsInPlacePriorToBreach: "[to complete]",
    },
    notice: {
      individualNoticeProvidedDate: i.obligations.find((o) => o.regime === "HIPAA" && o.recipient === "individuals")?.sentAt?.slice(0, 10) ?? null,
      substituteNoticeRequired: null,
      mediaNoticeRequired: i.obligations.some((o) => o.regime === "HIPAA" && o.recipient === "media"),
      lawEnforcementDelay: i.lawEnforcementDelay,
    },
    actionsTakenInResponse: i.timeline.map((t) => ({ at: t.at, action: t.action })),
    riskAssessment: { ...i.hipaaAssessment, lowProbabilityOfCompromise: i.hipaaLowProbabilityOfCompromise },
  };
}

/** Only EU Member States: those recorded for the AI incident, else the affected EU jurisdictions. */
export function aiReportMemberStates(i: IncidentDto): string[] {
  const recorded = i.sector.aiMemberStates.filter((s) => EU_MEMBER_STATES.includes(s));
  return recorded.length ? recorded : i.affected.map((a) => a.jurisdiction).filter((j) => EU_MEMBER_STATES.includes(j));
}

/** EU AI Act Art. 73 initial (possibly incomplete, Art. 73(5)) serious incident report. */
export function aiActInitialReport(i: IncidentDto, orgName: string): PdfDocumentSpec {
  const msa = i.obligations.find((o) => o.regime === "EU-AI-ACT" && o.recipient === "market_surveillance_authority");
  return {
    title: "Serious incident report (EU AI Act Art. 73) — initial report",
    subtitle: `${orgName} · ${i.reference}${msa?.dueAt ? ` · due ${formatInstant(msa.dueAt, i.timeZone)} (${msa.citation})` : ""}`,
    footer: "Initial report; a complete report follows (Art. 73(5))",
    blocks: [
      { kind: "keyValues", items: [
        ["Provider", orgName],
        ["AI system", orDash(i.aiSeriousIncident?.system)],
        ["Kind of serious incident (Art. 3(49))", i.aiSeriousIncident?.kind ?? "Not flagged as an AI serious incident"],
        ["Awareness", formatInstant(i.discoveredAt, i.timeZone)],
        ["Occurred", i.occurredAt ? formatInstant(i.occurredAt, i.timeZone) : "Under investigation"],
        ["Member States concerned", aiReportMemberStates(i).join(", ") || "—"],
        ["Persons affected", String(totalAffected(i))],
      ] },
      { kind: "heading", text: "Description of the incident" },
      { kind: "paragraph", text: `${i.title}. ${i.description}`.trim() },
      { kind: "heading", text: "Causal link with the AI system (Art. 73(2))" },
      { kind: "paragraph", text: "[Established / reasonably likely; describe]" },
      { kind: "heading", text: "Investigation and corrective action (Art. 73(6))" },
      { kind: "bullets", items: i.timeline.length ? i.timeline.map((t) => `${formatInstant(t.at, i.timeZone)}: ${t.action}`) : ["[to complete]"] },
      { kind: "paragraph", text: "The AI system has not been altered in a way that may affect the evaluation of the causes of the incident before informing the authorities (Art. 73(6))." },
    ],
  };
}

export const REGISTER_HEADERS = [
  "Reference", "Title", "Status", "Occurred", "Discovered", "Contained", "Roles", "Data categories", "Affected total", "Affected by jurisdiction",
  "PHI", "Encrypted", "GDPR risk", "HIPAA low probability", "AI incident kind", "Obligations", "Pending", "Next due", "Next due obligation",
];

/** GDPR Art. 33(5) register: one row per incident (facts, effects, remedial action via the PDF). */
export function registerRows(incidents: readonly IncidentDto[]): (string | number | boolean | null)[][] {
  return incidents.map((i) => {
    const pending = [...i.obligations].filter((o) => o.applies && (o.status === "open" || (o.status === "late" && !o.sentAt))).sort(byUrgency);
    const next = pending.find((o) => o.dueAt);
    return [
      i.reference, i.title, i.status, i.occurredAt, i.discoveredAt, i.containedAt, rolesText(i.roles, i.phi), i.dataCategories.join("; "),
      totalAffected(i), i.affected.map((a) => `${a.jurisdiction}:${a.count}`).join(" "), i.phi, i.encrypted, i.riskLevel,
      i.hipaaLowProbabilityOfCompromise, i.aiSeriousIncident?.kind ?? null, i.obligations.length, pending.length, next?.dueAt ?? null,
      next ? `${obligationLabel(next)} — ${next.citation}` : null,
    ];
  });
}

export const OBLIGATION_SHEET_HEADERS = ["Incident", "Key", "Regime", "Recipient", "Jurisdiction", "Due", "Due rule", "Citation", "Rule version", "Status", "Reason", "Sent at", "Reference", "Sent by", "Applies"];

/** The obligations register CSV (one row per obligation): the sheet's columns with the incident's title beside its reference. */
export const OBLIGATION_REGISTER_HEADERS = ["Incident", "Incident title", ...OBLIGATION_SHEET_HEADERS.slice(1)];

export function obligationRows(incidents: readonly IncidentDto[]) {
  return incidents.flatMap((i) =>
    [...i.obligations].sort(byUrgency).map((o) => [i.reference, o.key, o.regime, o.recipient, o.jurisdiction ?? null, o.dueAt, o.dueRule, o.citation, o.ruleVersion, o.status, o.statusReason, o.sentAt, o.reference, o.sentBy, o.applies]),
  );
}
