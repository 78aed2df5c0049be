// Every PDF the app produces, rendered through its real export path with large content, is
// laid out properly (docs/decisions/023-pdf-layout.md): as many pages as the content needs,
// none blank, "Page i of N" with the real N on each page, labels beside their values and no
// heading left alone at the bottom of a page. Checked on the PDF bytes (tests/support/pdf-layout.ts).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { consentReceiptSpec } from "@/lib/consent/receipt";
import { renderPdf } from "@/lib/export/pdf";
import { SYSTEM_CLI, type Actor } from "@/lib/server/actor";
import { addTimelineEntry } from "@/lib/server/breaches/add-timeline-entry";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { exportIncident, INCIDENT_EXPORTS } from "@/lib/server/breaches/export-incident";
import { ingestConsentEvents } from "@/lib/server/consent/ingest-events";
import { createPurpose } from "@/lib/server/consent/purposes";
import { buildSubjectProof, findSubject } from "@/lib/server/consent/subjects";
import { db } from "@/lib/server/db";
import { createActivity } from "@/lib/server/inventory/activities";
import { exportInventory } from "@/lib/server/inventory/export";
import { seedFrameworks } from "@/lib/server/posture/frameworks/seed";
import { statementOfApplicability } from "@/lib/server/posture/frameworks/soa";
import { seedControlCatalogue } from "@/lib/server/posture/seed-catalogue";
import { actorFor } from "@/lib/server/testing/factories";
import { checkPdfLayout } from "@/tests/support/pdf-layout";
import { pdfPages } from "@/tests/support/pdf-pages";
import { activityInput } from "../inventory/fixtures";

const uid = () => randomBytes(4).toString("hex");
const SENTENCE = "Personal data is processed only on documented instructions, encrypted at rest with keys held in the provider's KMS and in transit with TLS 1.2 or later; access is role-based, reviewed quarterly and logged centrally for twelve months.";
const long = (n: number) => Array.from({ length: n }, () => SENTENCE).join(" ");
const EU = ["DE", "FR", "IT", "ES", "NL", "BE", "AT", "IE", "PL", "SE", "DK", "FI", "PT", "CZ", "HU", "RO", "GR", "SK", "SI", "HR"];
const US = ["US-CA", "US-NY", "US-TX", "US-FL", "US-WA", "US-MA", "US-IL", "US-CO", "US-NJ", "US-OR"];

let officer: Actor;
let incidentId: string;
let activityIds: string[];
beforeAll(async () => {
  officer = await actorFor("compliance_officer");
  activityIds = [];
  for (let a = 0; a < 24; a++) {
    const input = activityInput({
      name: `Activity ${a} ${uid()}: ${a % 2 ? "payroll and HR administration" : "customer support and ticketing"}`,
      role: a % 5 === 4 ? "processor" : "controller",
      onBehalfOf: a % 5 === 4 ? "Client Controller SA, Rue de la Loi 1, 1000 Brussels" : undefined,
      description: a % 3 === 0 ? long(4) : undefined,
      controllerContact: "Privacy team, Musterstraße 1, 10115 Berlin, privacy@example.org, +49 30 1234567",
      purposes: Array.from({ length: 1 + (a % 6) }, (_, i) => ({ purpose: `Purpose ${i}: handle requests, keep records and report to management`, lawfulBasis: i % 2 ? "contract" : "legal_obligation" })),
      recipients: Array.from({ length: 1 + (a % 8) }, (_, i) => ({ name: `Recipient ${i} Services Ltd`, kind: "external" })),
      transfers: a % 4 === 0 ? [{ country: "US", recipient: "Helpdesk vendor Inc.", safeguard: "scc" }, { country: "IN", recipient: "Support centre Pvt Ltd", safeguard: "scc" }] : [],
      securityMeasures: long(1 + (a % 7) * 2),
    });
    activityIds.push((await createActivity(SYSTEM_CLI, input)).id);
  }
  const incident = await createIncident(officer, {
    title: "Ransomware on the file server: HR and customer records copied before encryption",
    description: long(12),
    discoveredAt: "2026-03-02T10:00:00Z",
    occurredAt: "2026-02-27T22:00:00Z",
    riskLevel: "high",
    riskRationale: long(5),
    phi: true,
    roles: ["controller", "covered_entity"],
    dataCategories: ["names", "addresses", "salary data", "diagnoses", "national identifiers", "bank account numbers"],
    aiSeriousIncident: { kind: "other", system: "Triage assistant" },
    affected: [...EU, ...US].map((jurisdiction, i) => ({ jurisdiction, count: 600 + i * 37 })),
  });
  incidentId = incident.id;
  for (let t = 0; t < 25; t++) await addTimelineEntry(officer, incidentId, { at: new Date(Date.UTC(2026, 2, 2, 10 + t)).toISOString(), action: `Step ${t}: ${long(1 + (t % 3))}`, performedBy: "Incident response team" });
});

function expectLaidOut(pdf: Buffer, name: string, minPages = 1) {
  const layout = checkPdfLayout(pdf, name);
  expect(layout.problems).toEqual([]);
  expect(layout.pages).toBeGreaterThanOrEqual(minPages);
  return layout.pages;
}

describe("PDF exports are laid out for their content", () => {
  it("Art. 30 record with many long activities, and one activity on its own", async () => {
    const all = await exportInventory(officer, "art30.pdf");
    expectLaidOut(all.body, "art30.pdf", 8);
    // Each of our activities is printed, and its last field too: nothing lost at a page break.
    const text = pdfPages(all.body).flatMap((p) => p.runs.map((r) => r.text)).join("\n");
    expect(text.match(/^Activity \d+ [0-9a-f]{8}:/gm)?.length).toBeGreaterThanOrEqual(activityIds.length);
    const one = await exportInventory(officer, "art30.pdf", { activityId: activityIds[1]! });
    expect(expectLaidOut(one.body, "art30.pdf (one activity)")).toBe(1);
  });

  it("breach report and every notification draft (GDPR Art. 33, California, AI Act Art. 73, NIS2)", async () => {
    const pdfs = INCIDENT_EXPORTS.filter((f) => f.endsWith(".pdf"));
    expect(pdfs.length).toBeGreaterThanOrEqual(5);
    for (const f of pdfs) {
      const file = await exportIncident(officer, incidentId, f);
      expectLaidOut(file.body as Buffer, f, f === "report.pdf" ? 3 : 1);
    }
  });

  it("a small incident's drafts are one page each, with no blank pages after", async () => {
    const small = await createIncident(officer, { title: "Lost laptop", discoveredAt: "2026-03-02T10:00:00Z", riskLevel: "risk", affected: [{ jurisdiction: "US-CA", count: 501 }, { jurisdiction: "DE", count: 3 }] });
    for (const f of ["gdpr-art33.pdf", "ca-notice.pdf", "nis2-early-warning.pdf"] as const) expectLaidOut((await exportIncident(officer, small.id, f)).body as Buffer, f);
  });

  it("consent receipt with a long history", async () => {
    const p = await createPurpose(SYSTEM_CLI, { key: `p_${uid()}`, title: "Marketing e-mails and partner offers", lawfulBasis: "consent", saleOrShare: true, noticeText: long(2) });
    const subjectId = `receipt-${uid()}@example.org`;
    const events = Array.from({ length: 150 }, (_, i) => ({ subjectId, purpose: p.key, action: i % 2 ? "withdraw" : "grant", occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(), source: "banner", jurisdiction: i % 3 ? "DE" : "US-CA", gpc: i % 5 === 0 }));
    for (let i = 0; i < events.length; i += 100) await ingestConsentEvents(SYSTEM_CLI, { events: events.slice(i, i + 100) });
    const ref = (await findSubject(SYSTEM_CLI, subjectId))!.ref;
    const pdf = await renderPdf(consentReceiptSpec(await buildSubjectProof(officer, ref, "pdf")));
    expectLaidOut(pdf, "consent receipt", 3);
  });

  it("statement of applicability of every framework", async () => {
    await seedControlCatalogue(SYSTEM_CLI);
    await seedFrameworks(SYSTEM_CLI);
    const frameworks = await db().framework.findMany({ select: { id: true } });
    expect(frameworks.length).toBeGreaterThan(3);
    for (const { id } of frameworks) expectLaidOut((await statementOfApplicability(officer, id, "pdf")).bytes, `soa-${id}.pdf`);
  });
});
