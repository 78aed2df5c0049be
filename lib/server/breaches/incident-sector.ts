import "server-only";
// Incident row <-> the sector-regime facts (docs/decisions/330), and the organisation's facts
// the engine reads, loaded inside the caller's transaction.
import { NO_ORGANISATION_FACTS, type Nis2EntityType, type OrganisationFacts } from "@/lib/breaches/organisation";
import type { Incident } from "@/lib/breaches/types";
import type { Tx } from "@/lib/server/db";
import type { SectorFacts } from "@/lib/validation/breach-sector";
import type { Incident as IncidentRow, OrganisationProfile } from "@/generated/prisma/client";

function strings(value: string): string[] {
  try {
    const v = JSON.parse(value) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function organisationFacts(row: OrganisationProfile | null): OrganisationFacts {
  if (!row) return NO_ORGANISATION_FACTS;
  return {
    mainEstablishment: row.mainEstablishment,
    listedInUS: row.listedInUS,
    nis2: row.nis2EntityType ? { entityType: row.nis2EntityType as Nis2EntityType, memberStates: strings(row.nis2MemberStates) } : null,
    doraFinancialEntity: row.doraFinancialEntity,
    nydfsCovered: row.nydfsCovered,
    ftcSafeguardsFinancialInstitution: row.ftcSafeguardsFinancialInstitution,
    phrVendor: row.phrVendor,
    californiaLicensedHealthFacility: row.californiaLicensedHealthFacility,
  };
}

export async function loadOrganisationFacts(tx: Tx): Promise<OrganisationFacts> {
  return organisationFacts(await tx.organisationProfile.findUnique({ where: { id: "org" } }));
}

export function sectorEngineInput(row: IncidentRow): Partial<Incident> {
  const states = strings(row.aiMemberStates);
  return {
    ...(row.materialityDeterminedAt ? { materialityDeterminedAt: row.materialityDeterminedAt.toISOString() } : {}),
    ...(row.secDelayUntil ? { secDelayUntil: row.secDelayUntil } : {}),
    ...(row.doraMajorClassifiedAt ? { doraMajorClassifiedAt: row.doraMajorClassifiedAt.toISOString() } : {}),
    ...(row.nis2Significant !== null ? { nis2Significant: row.nis2Significant } : {}),
    ...(states.length ? { aiMemberStates: states } : {}),
  };
}

export function sectorFactsDto(row: IncidentRow): SectorFacts {
  return {
    materialityDeterminedAt: row.materialityDeterminedAt?.toISOString() ?? null,
    secDelayUntil: row.secDelayUntil,
    doraMajorClassifiedAt: row.doraMajorClassifiedAt?.toISOString() ?? null,
    nis2Significant: row.nis2Significant,
    aiMemberStates: strings(row.aiMemberStates),
    hhsBreachType: strings(row.hhsBreachType),
    hhsLocation: strings(row.hhsLocation),
  };
}

type SectorInput = Partial<Record<keyof SectorFacts, unknown>>;

/** Columns for the sector fields present in validated input (null clears). */
export function sectorColumns(input: SectorInput): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const k of ["materialityDeterminedAt", "doraMajorClassifiedAt"] as const) {
    const v = input[k];
    if (v !== undefined) data[k] = v === null ? null : new Date(v as string);
  }
  if (input.secDelayUntil !== undefined) data.secDelayUntil = input.secDelayUntil;
  if (input.nis2Significant !== undefined) data.nis2Significant = input.nis2Significant;
  for (const k of ["aiMemberStates", "hhsBreachType", "hhsLocation"] as const) {
    const v = input[k];
    if (v !== undefined) data[k] = JSON.stringify([...new Set(v as string[])]);
  }
  return data;
}
