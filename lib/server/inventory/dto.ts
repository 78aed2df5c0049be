import "server-only";
// Row <-> DTO for the inventory. Lists are stored as ",a,b," strings; objects as JSON.
import type { DataAsset, ProcessingActivity } from "@/generated/prisma/client";
import { activityFindings, assetFindings, isReviewOverdue, type Finding } from "@/lib/inventory/findings";
import type { ActivityInput, AssetInput } from "@/lib/validation/inventory";

export function toList(values: readonly string[]): string {
  return values.length ? `,${values.join(",")},` : ",";
}
export function fromList(stored: string): string[] {
  return stored.split(",").filter(Boolean);
}
function parseJson<T>(stored: string, fallback: T): T {
  try {
    return JSON.parse(stored) as T;
  } catch {
    return fallback;
  }
}
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
export const dateFromDay = (s: string | null) => (s ? new Date(`${s}T00:00:00.000Z`) : null);

/** Archived records keep their row; the DTO says when and by whom (docs/decisions/101). */
export function archiveOf(row: { archivedAt: Date | null; archivedBy: string | null }) {
  return { archivedAt: row.archivedAt?.toISOString() ?? null, archivedBy: row.archivedBy };
}

export type OwnerRef = { id: string; name: string; email: string };

export type AssetDto = AssetInput & {
  id: string;
  owner: OwnerRef | null;
  lastReviewedAt: string | null;
  reviewOverdue: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
  archivedAt: string | null;
  archivedBy: string | null;
  findings: Finding[];
};

export function assetInputOf(row: DataAsset): AssetInput {
  return {
    name: row.name,
    description: row.description,
    ownerId: row.ownerId,
    businessUnit: row.businessUnit,
    hosting: row.hosting as AssetInput["hosting"],
    hostingProvider: row.hostingProvider,
    locations: fromList(row.locations),
    dataCategories: fromList(row.dataCategories),
    subjectCategories: fromList(row.subjectCategories),
    volumeBand: row.volumeBand as AssetInput["volumeBand"],
    encryptionAtRest: row.encryptionAtRest as AssetInput["encryptionAtRest"],
    encryptionInTransit: row.encryptionInTransit as AssetInput["encryptionInTransit"],
    accessControl: row.accessControl as AssetInput["accessControl"],
    mfaEnforced: row.mfaEnforced,
    loggingEnabled: row.loggingEnabled,
    lastPenTestAt: day(row.lastPenTestAt),
    backup: row.backup as AssetInput["backup"],
    retentionMonths: row.retentionMonths,
    deletionMethod: row.deletionMethod as AssetInput["deletionMethod"],
    reviewIntervalMonths: row.reviewIntervalMonths,
    nextReviewAt: day(row.nextReviewAt),
  };
}

/** The columns the asset rules read: the overview loads only these for every asset. */
export const ASSET_FINDING_SELECT = { id: true, name: true, ownerId: true, dataCategories: true, encryptionAtRest: true, retentionMonths: true, nextReviewAt: true } as const;

export function assetFindingsOf(row: Pick<DataAsset, keyof typeof ASSET_FINDING_SELECT>, now: Date): Finding[] {
  return assetFindings(
    { id: row.id, name: row.name, ownerId: row.ownerId, dataCategories: fromList(row.dataCategories), encryptionAtRest: row.encryptionAtRest, retentionMonths: row.retentionMonths, nextReviewAt: row.nextReviewAt },
    now,
  );
}

export function toAssetDto(row: DataAsset, owners: Map<string, OwnerRef>, now = new Date()): AssetDto {
  return {
    id: row.id,
    ...assetInputOf(row),
    owner: row.ownerId ? (owners.get(row.ownerId) ?? null) : null,
    lastReviewedAt: row.lastReviewedAt?.toISOString() ?? null,
    reviewOverdue: isReviewOverdue(row.nextReviewAt, now),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    ...archiveOf(row),
    findings: assetFindingsOf(row, now),
  };
}

export function assetData(input: AssetInput, nextReviewAt: Date | null) {
  return {
    name: input.name,
    description: input.description,
    ownerId: input.ownerId,
    businessUnit: input.businessUnit,
    hosting: input.hosting,
    hostingProvider: input.hostingProvider,
    locations: toList(input.locations),
    dataCategories: toList(input.dataCategories),
    subjectCategories: toList(input.subjectCategories),
    volumeBand: input.volumeBand,
    encryptionAtRest: input.encryptionAtRest,
    encryptionInTransit: input.encryptionInTransit,
    accessControl: input.accessControl,
    mfaEnforced: input.mfaEnforced,
    loggingEnabled: input.loggingEnabled,
    lastPenTestAt: dateFromDay(input.lastPenTestAt),
    backup: input.backup,
    retentionMonths: input.retentionMonths,
    deletionMethod: input.deletionMethod,
    reviewIntervalMonths: input.reviewIntervalMonths,
    nextReviewAt,
    searchText: [input.name, input.description, input.businessUnit, input.hostingProvider].filter(Boolean).join(" ").toLowerCase(),
  };
}

export type ActivityDto = Omit<ActivityInput, "assetIds"> & {
  id: string;
  assets: { id: string; name: string }[];
  assetIds: string[];
  lastReviewedAt: string | null;
  reviewOverdue: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
  archivedAt: string | null;
  archivedBy: string | null;
  findings: Finding[];
};

export type ActivityRow = ProcessingActivity & { assets: { asset: { id: string; name: string } }[] };

export function activityInputOf(row: ActivityRow): ActivityInput {
  return {
    name: row.name,
    description: row.description,
    role: row.role as ActivityInput["role"],
    controllerName: row.controllerName,
    controllerContact: row.controllerContact,
    jointControllers: row.jointControllers,
    representative: row.representative,
    dpoContact: row.dpoContact,
    onBehalfOf: row.onBehalfOf,
    purposes: parseJson(row.purposes, []),
    art9Condition: row.art9Condition as ActivityInput["art9Condition"],
    subjectCategories: fromList(row.subjectCategories),
    dataCategories: fromList(row.dataCategories),
    recipients: parseJson(row.recipients, []),
    transfers: parseJson(row.transfers, []),
    erasureTimeLimit: row.erasureTimeLimit,
    securityMeasures: row.securityMeasures,
    dpiaRequired: row.dpiaRequired,
    dpiaStatus: row.dpiaStatus as ActivityInput["dpiaStatus"],
    assetIds: row.assets.map((a) => a.asset.id).sort(),
    reviewIntervalMonths: row.reviewIntervalMonths,
    nextReviewAt: day(row.nextReviewAt),
  };
}

export function activityFindingsOf(row: ActivityRow, now: Date): Finding[] {
  const input = activityInputOf(row);
  return activityFindings(
    {
      id: row.id,
      name: row.name,
      role: input.role,
      purposes: input.purposes,
      dataCategories: input.dataCategories,
      art9Condition: input.art9Condition,
      transfers: input.transfers,
      erasureTimeLimit: input.erasureTimeLimit,
      dpiaRequired: input.dpiaRequired,
      dpiaStatus: input.dpiaStatus,
      nextReviewAt: row.nextReviewAt,
    },
    now,
  );
}

export function toActivityDto(row: ActivityRow, now = new Date()): ActivityDto {
  return {
    id: row.id,
    ...activityInputOf(row),
    assets: row.assets.map((a) => a.asset).sort((x, y) => x.name.localeCompare(y.name)),
    lastReviewedAt: row.lastReviewedAt?.toISOString() ?? null,
    reviewOverdue: isReviewOverdue(row.nextReviewAt, now),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    ...archiveOf(row),
    findings: activityFindingsOf(row, now),
  };
}

export function activityData(input: ActivityInput, nextReviewAt: Date | null) {
  return {
    name: input.name,
    description: input.description,
    role: input.role,
    controllerName: input.controllerName,
    controllerContact: input.controllerContact,
    jointControllers: input.jointControllers,
    representative: input.representative,
    dpoContact: input.dpoContact,
    onBehalfOf: input.onBehalfOf,
    purposes: JSON.stringify(input.purposes),
    lawfulBases: toList([...new Set(input.purposes.map((p) => p.lawfulBasis).filter((b): b is NonNullable<typeof b> => !!b))]),
    art9Condition: input.art9Condition,
    subjectCategories: toList(input.subjectCategories),
    dataCategories: toList(input.dataCategories),
    recipients: JSON.stringify(input.recipients),
    transfers: JSON.stringify(input.transfers),
    erasureTimeLimit: input.erasureTimeLimit,
    securityMeasures: input.securityMeasures,
    dpiaRequired: input.dpiaRequired,
    dpiaStatus: input.dpiaStatus,
    reviewIntervalMonths: input.reviewIntervalMonths,
    nextReviewAt,
    searchText: [input.name, input.description, input.controllerName, input.onBehalfOf].filter(Boolean).join(" ").toLowerCase(),
  };
}

export const ACTIVITY_INCLUDE = { assets: { select: { asset: { select: { id: true, name: true } } } } } as const;

/** Field-level diff for the audit log: only what changed, [before, after]. */
export function diffOf(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of Object.keys(after)) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out[k] = [before[k] ?? null, after[k] ?? null];
  }
  return out;
}
