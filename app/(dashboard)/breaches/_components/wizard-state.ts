// The incident wizard's form state: what the person has answered so far, built from an
// existing incident when editing. Labels for the choices live here too.
import type { AiIncidentKind, DataElement, RiskLevel, Role } from "@/lib/breaches/types";
import { isoToWallInput } from "@/lib/breaches/wall-time";
import type { IncidentAssetDto, IncidentDto } from "@/lib/validation/breaches";

export const ROLE_OPTIONS: { value: Role; label: string; hint: string }[] = [
  { value: "controller", label: "Controller", hint: "We decide why and how the personal data is processed (GDPR)" },
  { value: "processor", label: "Processor", hint: "We process it for a client, who is the controller" },
  { value: "covered_entity", label: "HIPAA covered entity", hint: "Health plan, clearinghouse or provider" },
  { value: "business_associate", label: "HIPAA business associate", hint: "We handle PHI for a covered entity" },
  { value: "ai_provider", label: "AI provider", hint: "We develop the AI system and place it on the market" },
  { value: "ai_deployer", label: "AI deployer", hint: "We use someone else's AI system" },
];

export const AI_KIND_LABELS: Record<AiIncidentKind, string> = {
  death: "Death of a person (10 days)",
  critical_infrastructure: "Serious and irreversible disruption of critical infrastructure (2 days)",
  widespread_infringement: "Widespread infringement (2 days)",
  other: "Other serious incident (15 days)",
};

export const STEPS = ["What happened", "Who is affected", "Your role and the data", "Risk", "Review"] as const;

export type Row = { jurisdiction: string; count: string };

export function initialState(i: IncidentDto | undefined, timeZone: string) {
  return {
    title: i?.title ?? "",
    description: i?.description ?? "",
    discovered: isoToWallInput(i?.discoveredAt, timeZone),
    occurred: isoToWallInput(i?.occurredAt, timeZone),
    contained: isoToWallInput(i?.containedAt, timeZone),
    status: i?.status ?? "open",
    categories: i?.dataCategories.join(", ") ?? "",
    rows: (i?.affected.length ? i.affected.map((a) => ({ jurisdiction: a.jurisdiction, count: String(a.count) })) : [{ jurisdiction: "", count: "" }]) as Row[],
    ownsData: i ? i.roles.length === 0 : true,
    roles: new Set<Role>(i?.roles ?? []),
    // US state definitions of personal information: null on the incident = not given yet.
    elements: new Set<DataElement>(i?.dataElements ?? []),
    elementsGiven: i ? i.dataElements !== null : false,
    elementsTouched: i ? i.dataElements !== null : false,
    keyCompromised: i?.encryptionKeyCompromised ?? false,
    harmNotLikely: i?.stateHarmNotLikely ?? false,
    phi: i?.phi ?? false,
    encrypted: i?.encrypted ?? false,
    // Pre-fill from linked assets until the person answers themselves (then their answer wins).
    encryptedTouched: i ? i.encryptedSource === "client" : false,
    phiTouched: Boolean(i),
    categoriesPrefilled: false,
    assets: (i?.assets ?? []) as IncidentAssetDto[],
    riskLevel: (i?.riskLevel ?? "risk") as RiskLevel,
    riskRationale: i?.riskRationale ?? "",
    hipaa: { ...(i?.hipaaAssessment ?? { nature: "", unauthorizedPerson: "", acquiredOrViewed: "", mitigation: "" }) },
    lowProb: i?.hipaaLowProbabilityOfCompromise ?? false,
    ai: Boolean(i?.aiSeriousIncident),
    aiKind: (i?.aiSeriousIncident?.kind ?? "other") as AiIncidentKind,
    aiSystem: i?.aiSeriousIncident?.system ?? "",
    le: Boolean(i?.lawEnforcementDelay),
    leUntil: i?.lawEnforcementDelay?.until.slice(0, 10) ?? "",
    leWritten: i?.lawEnforcementDelay?.written ?? true,
    leOfficial: i?.lawEnforcementDelay?.official ?? "",
    leStatedAt: i?.lawEnforcementDelay?.statedAt?.slice(0, 10) ?? "",
    // Sector facts (wizard-sector.tsx).
    materiality: isoToWallInput(i?.sector.materialityDeterminedAt, timeZone),
    secDelayUntil: i?.sector.secDelayUntil?.slice(0, 10) ?? "",
    doraClassified: isoToWallInput(i?.sector.doraMajorClassifiedAt, timeZone),
    nis2NotSignificant: i?.sector.nis2Significant === false,
    aiMemberStates: i?.sector.aiMemberStates.join(", ") ?? "",
    hhsBreachType: (i?.sector.hhsBreachType ?? []) as string[],
    hhsLocation: (i?.sector.hhsLocation ?? []) as string[],
  };
}

export type WizardState = ReturnType<typeof initialState>;
export type SetField = <K extends keyof WizardState>(k: K, v: WizardState[K]) => void;
export type SetState = (fn: (prev: WizardState) => WizardState) => void;
