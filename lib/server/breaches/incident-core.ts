import "server-only";
// Shared internals of the breach area: row -> DTO, row -> engine input, and the recomputation of
// stored obligations inside the caller's transaction. Not exported to pages or routes.
import { computeObligations } from "@/lib/breaches/compute-obligations";
import { planReconcile, planSummary, sentAtByKey, type StoredObligation, type StoredStatus } from "@/lib/breaches/reconcile";
import type { AiIncidentKind, DataElement, Incident, Obligation, RiskLevel, Role } from "@/lib/breaches/types";
import { DATA_ELEMENTS } from "@/lib/breaches/types";
import type { OrganisationFacts } from "@/lib/breaches/organisation";
import { AppError } from "@/lib/errors";
import { db, type Tx } from "@/lib/server/db";
import { getSetting } from "@/lib/server/settings/settings";
import { loadOrganisationFacts, sectorColumns, sectorEngineInput, sectorFactsDto } from "@/lib/server/breaches/incident-sector";
import type { IncidentDto, IncidentStatus, ObligationDto } from "@/lib/validation/breaches";
import type { BreachObligation, Incident as IncidentRow, IncidentTimelineEntry } from "@/generated/prisma/client";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function parseJson<T>(value: string, fallback: T): T {
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

/**
 * The organisation's IANA zone: the profile's (docs/decisions/330), else the legacy setting
 * org.timeZone (before the profile is first saved); an unknown zone falls back to UTC.
 */
export async function orgTimeZone(): Promise<string> {
  const profile = await db().organisationProfile.findUnique({ where: { id: "org" }, select: { timeZone: true } });
  const zone = profile?.timeZone ?? (await getSetting("org.timeZone"));
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}

/** Stored elements, keeping only known ones (a column edited by hand cannot break the engine). */
function parseDataElements(json: string): DataElement[] {
  return parseJson<string[]>(json, []).filter((e): e is DataElement => (DATA_ELEMENTS as readonly string[]).includes(e));
}

export function engineInput(row: IncidentRow): Incident {
  const roles = parseJson<Role[]>(row.roles, []);
  return {
    discoveredAt: row.discoveredAt.toISOString(),
    ...(row.occurredAt ? { occurredAt: row.occurredAt.toISOString() } : {}),
    roles,
    phi: row.phi,
    encrypted: row.encrypted,
    ...(row.encryptionKeyCompromised ? { encryptionKeyCompromised: true } : {}),
    ...(row.stateHarmNotLikely ? { stateHarmNotLikely: true } : {}),
    ...(row.dataElements !== null ? { dataElements: parseDataElements(row.dataElements) } : {}),
    riskLevel: row.riskLevel as RiskLevel,
    hipaaLowProbabilityOfCompromise: row.hipaaLowProbabilityOfCompromise,
    affected: parseJson<{ jurisdiction: string; count: number }[]>(row.affected, []),
    ...(row.aiKind ? { aiSeriousIncident: { kind: row.aiKind as AiIncidentKind } } : {}),
    ...sectorEngineInput(row),
    ...(row.leDelayUntil
      ? {
          lawEnforcementDelay: {
            until: row.leDelayUntil,
            written: row.leDelayWritten ?? false,
            ...(row.leDelayStatedAt ? { statedAt: row.leDelayStatedAt } : {}),
          },
        }
      : {}),
  };
}

export function runEngine(row: IncidentRow, timeZone: string, sentAt: Record<string, string>, organisation?: OrganisationFacts): Obligation[] {
  try {
    return computeObligations(engineInput(row), { timeZone, sentAt, ...(organisation ? { organisation } : {}) });
  } catch (e) {
    if (e instanceof RangeError) throw new AppError("VALIDATION", e.message);
    throw e;
  }
}

export function toStored(row: BreachObligation): StoredObligation {
  return {
    id: row.id,
    key: row.key,
    status: row.status as StoredStatus,
    sentAt: iso(row.sentAt),
    dueAt: iso(row.dueAt),
    dueRule: row.dueRule,
    citation: row.citation,
    ruleVersion: row.ruleVersion,
    dependsOnKey: row.dependsOnKey,
    contentChecklist: parseJson<string[]>(row.contentChecklist, []),
    applies: row.applies,
  };
}

function obligationData(o: Obligation) {
  return {
    key: o.key,
    regime: o.regime,
    recipient: o.recipient,
    jurisdiction: o.jurisdiction ?? null,
    dueAt: o.dueAt ? new Date(o.dueAt) : null,
    dueRule: o.dueRule,
    citation: o.citation,
    dependsOnKey: o.dependsOn ?? null,
    ruleVersion: o.ruleVersion,
    trigger: o.trigger,
    contentChecklist: JSON.stringify(o.contentChecklist),
  };
}

/**
 * Recomputes the incident's obligations in `tx`: open rows follow the engine, sent/closed rows
 * stay as they were (lib/breaches/reconcile.ts). Returns the summary for the audit diff.
 */
export async function recomputeInTx(tx: Tx, incident: IncidentRow, timeZone: string) {
  const rows = await tx.breachObligation.findMany({ where: { incidentId: incident.id } });
  const stored = rows.map(toStored);
  // The profile is read in the same transaction, so a profile change and an incident edit see
  // one consistent set of facts (docs/decisions/330).
  const computed = runEngine(incident, timeZone, sentAtByKey(stored), await loadOrganisationFacts(tx));
  const plan = planReconcile(stored, computed);
  for (const o of plan.create) {
    await tx.breachObligation.create({
      data: { incidentId: incident.id, ...obligationData(o), checklistDone: JSON.stringify(o.contentChecklist.map(() => false)) },
    });
  }
  for (const u of plan.update) {
    const row = rows.find((r) => r.id === u.id)!;
    const previousDone = parseJson<boolean[]>(row.checklistDone, []);
    const previousItems = parseJson<string[]>(row.contentChecklist, []);
    // Keep ticks for items whose wording did not change.
    const done = u.obligation.contentChecklist.map((item) => previousDone[previousItems.indexOf(item)] ?? false);
    await tx.breachObligation.update({
      where: { id: u.id },
      data: { ...obligationData(u.obligation), checklistDone: JSON.stringify(done), applies: true, version: { increment: 1 } },
    });
  }
  if (plan.remove.length) await tx.breachObligation.deleteMany({ where: { id: { in: plan.remove.map((r) => r.id) } } });
  for (const s of plan.setApplies) await tx.breachObligation.update({ where: { id: s.id }, data: { applies: s.applies } });
  return planSummary(plan);
}

export function toObligationDto(row: BreachObligation, idByKey: ReadonlyMap<string, string>): ObligationDto {
  const items = parseJson<string[]>(row.contentChecklist, []);
  const done = parseJson<boolean[]>(row.checklistDone, []);
  const dependsOn = row.dependsOnKey ? idByKey.get(row.dependsOnKey) : undefined;
  return {
    id: row.id,
    key: row.key,
    regime: row.regime,
    recipient: row.recipient as ObligationDto["recipient"],
    ...(row.jurisdiction ? { jurisdiction: row.jurisdiction } : {}),
    dueAt: iso(row.dueAt),
    dueRule: row.dueRule,
    citation: row.citation,
    status: row.status as ObligationDto["status"],
    ...(dependsOn ? { dependsOn } : {}),
    ...(row.dependsOnKey ? { dependsOnKey: row.dependsOnKey } : {}),
    ruleVersion: row.ruleVersion,
    trigger: row.trigger as ObligationDto["trigger"],
    applies: row.applies,
    statusReason: row.statusReason,
    sentAt: iso(row.sentAt),
    reference: row.sentReference,
    sentBy: row.sentByLabel,
    contentChecklist: items.map((item, i) => ({ item, done: done[i] ?? false })),
  };
}

export function toObligationDtos(rows: readonly BreachObligation[]): ObligationDto[] {
  const idByKey = new Map(rows.map((r) => [r.key, r.id]));
  return rows.map((r) => toObligationDto(r, idByKey));
}

export function toIncidentDto(
  row: IncidentRow,
  obligations: readonly BreachObligation[],
  timeline: readonly IncidentTimelineEntry[],
  assetIds: readonly string[] = [],
): IncidentDto {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    description: row.description,
    occurredAt: iso(row.occurredAt),
    occurredUntil: iso(row.occurredUntil),
    discoveredAt: row.discoveredAt.toISOString(),
    containedAt: iso(row.containedAt),
    status: row.status as IncidentStatus,
    roles: parseJson<Role[]>(row.roles, []),
    dataCategories: parseJson<string[]>(row.dataCategories, []),
    dataElements: row.dataElements === null ? null : parseDataElements(row.dataElements),
    phi: row.phi,
    encrypted: row.encrypted,
    encryptionKeyCompromised: row.encryptionKeyCompromised,
    stateHarmNotLikely: row.stateHarmNotLikely,
    encryptedSource: (["client", "assets", "default"].includes(row.encryptedSource) ? row.encryptedSource : "client") as IncidentDto["encryptedSource"],
    riskLevel: row.riskLevel as RiskLevel,
    riskRationale: row.riskRationale,
    hipaaAssessment: {
      nature: row.hipaaNature,
      unauthorizedPerson: row.hipaaUnauthorizedPerson,
      acquiredOrViewed: row.hipaaAcquiredOrViewed,
      mitigation: row.hipaaMitigation,
    },
    hipaaLowProbabilityOfCompromise: row.hipaaLowProbabilityOfCompromise,
    affected: parseJson<{ jurisdiction: string; count: number }[]>(row.affected, []),
    aiSeriousIncident: row.aiKind ? { kind: row.aiKind as AiIncidentKind, system: row.aiSystem } : null,
    lawEnforcementDelay: row.leDelayUntil
      ? { until: row.leDelayUntil, written: row.leDelayWritten ?? false, statedAt: row.leDelayStatedAt, official: row.leDelayOfficial }
      : null,
    sector: sectorFactsDto(row),
    timeZone: row.timeZone,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    obligations: toObligationDtos(obligations),
    timeline: timeline.map((t) => ({ id: t.id, at: t.at.toISOString(), action: t.action, performedBy: t.performedBy, recordedBy: t.recordedByLabel })),
    // Ids only here; lib/server/breaches/incident-assets.ts attachAssetSummaries fills them in.
    assets: assetIds.map((id) => ({ id, name: "", encryptedAtRest: false, encryptionAtRest: "none" as const, personalDataCategories: [] })),
  };
}

/** Columns from validated input (create or patch); only keys present in `input` are set. */
export function incidentColumns(input: Partial<import("@/lib/validation/breaches").CreateIncidentInput>) {
  const data: Record<string, unknown> = {};
  const has = (k: string) => Object.prototype.hasOwnProperty.call(input, k) && (input as Record<string, unknown>)[k] !== undefined;
  if (has("title")) data.title = input.title;
  if (has("description")) data.description = input.description;
  if (has("discoveredAt")) data.discoveredAt = new Date(input.discoveredAt!);
  for (const k of ["occurredAt", "occurredUntil", "containedAt"] as const) {
    const v = input[k];
    if (v !== undefined) data[k] = v === null ? null : new Date(v);
  }
  if (has("status")) data.status = input.status;
  if (has("roles")) data.roles = JSON.stringify([...new Set(input.roles)]);
  if (has("dataCategories")) data.dataCategories = JSON.stringify(input.dataCategories);
  if ("dataElements" in input && input.dataElements !== undefined) {
    data.dataElements = input.dataElements === null ? null : JSON.stringify([...new Set(input.dataElements)]);
  }
  if (has("phi")) data.phi = input.phi;
  if (has("encrypted")) data.encrypted = input.encrypted;
  if (has("encryptionKeyCompromised")) data.encryptionKeyCompromised = input.encryptionKeyCompromised;
  if (has("stateHarmNotLikely")) data.stateHarmNotLikely = input.stateHarmNotLikely;
  if (has("riskLevel")) data.riskLevel = input.riskLevel;
  if (has("riskRationale")) data.riskRationale = input.riskRationale;
  if (has("hipaaAssessment")) {
    const a = input.hipaaAssessment!;
    if (a.nature !== undefined) data.hipaaNature = a.nature;
    if (a.unauthorizedPerson !== undefined) data.hipaaUnauthorizedPerson = a.unauthorizedPerson;
    if (a.acquiredOrViewed !== undefined) data.hipaaAcquiredOrViewed = a.acquiredOrViewed;
    if (a.mitigation !== undefined) data.hipaaMitigation = a.mitigation;
  }
  if (has("hipaaLowProbabilityOfCompromise")) data.hipaaLowProbabilityOfCompromise = input.hipaaLowProbabilityOfCompromise;
  if (has("affected")) {
    // One row per jurisdiction (summed), so the stored facts read the way the engine counts them.
    const sums = new Map<string, number>();
    for (const a of input.affected!) sums.set(a.jurisdiction, (sums.get(a.jurisdiction) ?? 0) + a.count);
    data.affected = JSON.stringify([...sums].map(([jurisdiction, count]) => ({ jurisdiction, count })));
  }
  if ("aiSeriousIncident" in input && input.aiSeriousIncident !== undefined) {
    data.aiKind = input.aiSeriousIncident?.kind ?? null;
    data.aiSystem = input.aiSeriousIncident?.system ?? "";
  }
  if ("lawEnforcementDelay" in input && input.lawEnforcementDelay !== undefined) {
    const d = input.lawEnforcementDelay;
    data.leDelayUntil = d?.until ?? null;
    data.leDelayWritten = d ? d.written : null;
    data.leDelayStatedAt = d?.statedAt ?? null;
    data.leDelayOfficial = d?.official ?? "";
  }
  Object.assign(data, sectorColumns(input));
  return data;
}
