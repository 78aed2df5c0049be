// Incidents and their obligations. Each incident is an input the app's createIncidentSchema
// accepts, turned into columns by incidentColumns; its obligations come from the app's
// deadline engine (runEngine, as recomputeInTx runs it) for realistic profiles: GDPR
// (EU countries), HIPAA (PHI, covered entity), US states (data elements), and mixes. Older
// incidents are closed with every notice sent (some late, statusWhenSent); recent ones are
// open with notices due, some overdue. Sent notices feed back into the engine (sentAt), so
// deadlines that run from another notice are computed as the app computes them.
import { statusWhenSent } from "@/lib/breaches/reconcile";
import type { Obligation } from "@/lib/breaches/types";
import type { Incident as IncidentRow } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { incidentColumns, runEngine } from "@/lib/server/breaches/incident-core";
import { loadOrganisationFacts } from "@/lib/server/breaches/incident-sector";
import { createIncidentSchema } from "@/lib/validation/breaches";
import type { Person } from "./accounts";
import type { AuditStream } from "./audit";
import { ANCHOR, at, cuidOf, DAY, Rng, SPAN_DAYS } from "./rng";
import { Batch, type Sink } from "./sink";

const HOUR = 3_600_000;
// Everything is written at the end, parents first (the foreign keys are checked per statement).
const ALL = Number.MAX_SAFE_INTEGER;
const EU = ["DE", "FR", "NL", "IE", "ES", "IT", "SE", "PL", "AT", "BE"];
const US = ["US-CA", "US-NY", "US-TX", "US-FL", "US-WA", "US-MA", "US-IL", "US-CO", "US-NJ", "US-GA"];
const ELEMENTS = [["name", "ssn"], ["name", "drivers_license"], ["email_with_password"], ["name", "payment_card_with_code"], ["name", "medical", "health_insurance"], ["name", "financial_account_with_code"]] as const;
const DEFAULTS = {
  description: "", occurredAt: null, occurredUntil: null, containedAt: null, status: "open", roles: "[]", dataCategories: "[]", dataElements: null,
  encryptionKeyCompromised: false, stateHarmNotLikely: false, phi: false, encrypted: false, encryptedSource: "client", riskLevel: "risk", riskRationale: "",
  hipaaNature: "", hipaaUnauthorizedPerson: "", hipaaAcquiredOrViewed: "", hipaaMitigation: "", hipaaLowProbabilityOfCompromise: false, affected: "[]",
  aiKind: null, aiSystem: "", leDelayUntil: null, leDelayWritten: null, leDelayStatedAt: null, leDelayOfficial: "", timeZone: "UTC",
  materialityDeterminedAt: null, secDelayUntil: null, doraMajorClassifiedAt: null, nis2Significant: null, aiMemberStates: "[]", hhsBreachType: "[]", hhsLocation: "[]", version: 0,
};
const INCIDENT_COLUMNS = ["id", "reference", "title", "createdById", "createdAt", "updatedAt", ...Object.keys(DEFAULTS), "discoveredAt"];
const OBLIGATION_COLUMNS = ["id", "incidentId", "key", "regime", "recipient", "jurisdiction", "dueAt", "dueRule", "citation", "dependsOnKey", "ruleVersion", "trigger", "contentChecklist", "checklistDone", "status", "statusReason", "sentAt", "sentReference", "sentById", "sentByLabel", "applies", "createdAt", "updatedAt", "version"];

const counts = (rng: Rng, places: readonly string[], k: number) => rng.some(places, k).map((jurisdiction) => ({ jurisdiction, count: rng.between(1, 5000) }));

function incidentInput(rng: Rng, discovered: number) {
  const profile = rng.weighted([["gdpr", 40], ["states", 25], ["hipaa", 20], ["mixed", 15]] as const);
  const eu = profile === "gdpr" || profile === "mixed" ? counts(rng, EU, rng.between(1, 4)) : [];
  const us = profile !== "gdpr" ? counts(rng, US, rng.between(1, profile === "states" ? 6 : 3)) : [];
  const hipaa = profile === "hipaa";
  return createIncidentSchema.parse({
    title: `${rng.pick(["Misdirected e-mail", "Stolen laptop", "Ransomware", "Misconfigured bucket", "Phishing", "Lost backup tape", "Credential stuffing", "Insider access"])} (${profile})`,
    description: "Standard dataset incident",
    discoveredAt: new Date(discovered).toISOString(),
    occurredAt: new Date(discovered - rng.between(1, 240) * HOUR).toISOString(),
    roles: hipaa ? ["covered_entity"] : [],
    dataCategories: hipaa ? ["health"] : rng.some(["identity", "contact", "financial", "credentials"], rng.between(1, 3)),
    dataElements: [...(hipaa ? ELEMENTS[4] : rng.pick(ELEMENTS))],
    phi: hipaa,
    encrypted: rng.chance(0.1),
    riskLevel: rng.weighted([["unlikely", 15], ["risk", 55], ["high", 30]] as const),
    affected: [...eu, ...us],
  });
}

export async function seedIncidents(sink: Sink, audit: AuditStream, officer: Person, assetIds: string[], count: number) {
  const rng = new Rng("incidents");
  const organisation = await loadOrganisationFacts(db());
  const incidents = new Batch(sink, "Incident", INCIDENT_COLUMNS, ALL);
  const obligations = new Batch(sink, "BreachObligation", OBLIGATION_COLUMNS, ALL);
  const timeline = new Batch(sink, "IncidentTimelineEntry", ["id", "incidentId", "at", "action", "performedBy", "recordedById", "recordedByLabel", "createdAt"], ALL);
  const links = new Batch(sink, "IncidentAsset", ["incidentId", "assetId", "linkedAt", "linkedById"], ALL);
  const perYear = new Map<number, number>();
  const label = officer.actor[2]!;
  for (let i = 0; i < count; i++) {
    const discovered = at(((i + 0.5) / count) * (SPAN_DAYS - 2)) + rng.int(DAY);
    const input = incidentInput(rng, discovered);
    const year = new Date(discovered).getUTCFullYear();
    const number = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, number);
    const id = cuidOf(`incident:${i}`);
    const reference = `INC-${year}-${String(number).padStart(4, "0")}`;
    const age = (ANCHOR - discovered) / DAY;
    const status = age > 90 ? "closed" : age > 14 ? "contained" : "open";
    const row = { ...DEFAULTS, ...incidentColumns(input), id, reference, title: input.title, discoveredAt: new Date(discovered), createdById: officer.id, createdAt: new Date(discovered + HOUR), updatedAt: new Date(discovered + HOUR), status, containedAt: status === "open" ? null : new Date(discovered + rng.between(6, 120) * HOUR) } as unknown as IncidentRow;
    // Which notices were sent and when; the engine runs again with them (dependent deadlines).
    const sentAt: Record<string, string> = {};
    const sendShare = status === "closed" ? 1 : status === "contained" ? 0.6 : 0.2;
    let computed: Obligation[] = [];
    for (let pass = 0; pass < 3; pass++) {
      computed = runEngine(row, "UTC", sentAt, organisation);
      for (const o of computed) {
        if (sentAt[o.key] || (o.dependsOn && !sentAt[o.dependsOn]) || !rng.chance(sendShare)) continue;
        const from = o.dependsOn ? Date.parse(sentAt[o.dependsOn]!) : discovered;
        const due = o.dueAt ? Date.parse(o.dueAt) : from + 20 * DAY;
        const late = rng.chance(0.1);
        const when = late ? due + rng.between(1, 5 * 24) * HOUR : from + Math.max(HOUR, rng.next() * (due - from));
        if (when < ANCHOR) sentAt[o.key] = new Date(when).toISOString();
      }
    }
    await incidents.add(INCIDENT_COLUMNS.map((c) => (row as unknown as Record<string, string | number | boolean | Date | null>)[c] ?? null));
    await timeline.add([cuidOf(`timeline:${id}:0`), id, new Date(discovered), "Breach discovered; incident reported in the register", "", officer.id, label, new Date(discovered + HOUR)]);
    audit.add(discovered + HOUR, officer.actor, "incident.create", "Incident", id, { reference, facts: input, timeZone: "UTC", obligations: computed.map((o) => o.key) });
    for (const assetId of assetIds.length ? rng.some(assetIds, rng.int(3)) : []) await links.add([id, assetId, new Date(discovered + HOUR), officer.id]);
    for (const o of computed) {
      const sent = sentAt[o.key] ?? null;
      const oStatus = sent ? statusWhenSent(o.dueAt, sent) : "open";
      const oid = cuidOf(`obligation:${id}:${o.key}`);
      await obligations.add([
        oid, id, o.key, o.regime, o.recipient, o.jurisdiction ?? null, o.dueAt ? new Date(o.dueAt) : null, o.dueRule, o.citation, o.dependsOn ?? null, o.ruleVersion, o.trigger,
        JSON.stringify(o.contentChecklist), JSON.stringify(o.contentChecklist.map(() => !!sent)), oStatus, oStatus === "late" ? "Waited for the forensic report" : null,
        sent ? new Date(sent) : null, sent ? `REF-${reference}-${o.key.length}` : null, sent ? officer.id : null, sent ? label : null, true, new Date(discovered + HOUR), new Date(sent ?? discovered + HOUR), sent ? 1 : 0,
      ]);
      if (!sent) continue;
      await timeline.add([cuidOf(`timeline:${id}:${o.key}`), id, new Date(sent), `Notice sent: ${o.recipient.replace(/_/g, " ")} (${o.key})${oStatus === "late" ? " (after the deadline)" : ""}`, officer.name, officer.id, label, new Date(sent)]);
      audit.add(Date.parse(sent), officer.actor, "obligation.sent", "BreachObligation", oid, { incidentId: id, key: o.key, status: { from: "open", to: oStatus }, sentAt: sent, reference: `REF-${reference}-${o.key.length}`, reason: null });
    }
  }
  for (const b of [incidents, obligations, timeline, links]) await b.flush();
  await sink.insert("ReferenceCounter", ["kind", "year", "last"], [...perYear].map(([year, last]) => ["incident", year, last]));
  return { incidents: incidents.written, obligations: obligations.written };
}
