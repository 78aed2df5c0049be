import "server-only";
// What other areas read from the inventory:
// - the breach engine pre-fills whether leaked data was encrypted (GDPR Art. 34(3)(a),
//   HIPAA "unsecured PHI" 45 CFR 164.402, Cal. Civ. Code 1798.82) from the structured
//   security fields;
// - the posture area plugs the failing records into automated control tests.
import { z } from "zod";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { parseOrThrow } from "@/lib/server/inventory/common";
import { ACTIVITY_INCLUDE, activityInputOf, fromList } from "@/lib/server/inventory/dto";

export type AssetSecuritySummary = {
  id: string;
  name: string;
  personalDataCategories: string[];
  /** True only with provider- or customer-managed keys. */
  encryptedAtRest: boolean;
  encryptionAtRest: "none" | "provider_managed" | "customer_managed";
  encryptionInTransit: "none" | "tls12_plus" | "mtls";
};

/** Per requested asset that exists; unknown ids are left out (the caller sees which). */
export async function getAssetSecuritySummaries(actor: Actor, assetIds: string[]): Promise<AssetSecuritySummary[]> {
  await requirePermission(actor, "inventory:read");
  const ids = parseOrThrow(z.array(z.string().min(1).max(100)).max(500), assetIds);
  if (!ids.length) return [];
  const rows = await db().dataAsset.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true, dataCategories: true, encryptionAtRest: true, encryptionInTransit: true },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    personalDataCategories: fromList(r.dataCategories),
    encryptedAtRest: r.encryptionAtRest === "provider_managed" || r.encryptionAtRest === "customer_managed",
    encryptionAtRest: r.encryptionAtRest as AssetSecuritySummary["encryptionAtRest"],
    encryptionInTransit: r.encryptionInTransit as AssetSecuritySummary["encryptionInTransit"],
  }));
}

export type InventoryControlFindings = {
  /** GDPR Art. 32(1)(a): assets holding personal data with encryption at rest "none". */
  unencryptedPersonalDataAssets: { id: string; name: string; personalDataCategories: string[] }[];
  /** GDPR Art. 6(1): controller activities with no purpose, or a purpose without a lawful basis (processor records, Art. 30(2), carry no basis). */
  activitiesWithoutLawfulBasis: { id: string; name: string; purposesWithoutBasis: string[] }[];
  totals: { assetsWithPersonalData: number; activities: number };
};

export async function inventoryControlFindings(actor: Actor): Promise<InventoryControlFindings> {
  await requirePermission(actor, "inventory:read");
  const [assets, activities] = await Promise.all([
    db().dataAsset.findMany({ where: { archivedAt: null }, select: { id: true, name: true, dataCategories: true, encryptionAtRest: true }, orderBy: { name: "asc" } }),
    db().processingActivity.findMany({ where: { archivedAt: null }, include: ACTIVITY_INCLUDE, orderBy: { name: "asc" } }),
  ]);
  const personal = assets.filter((a) => fromList(a.dataCategories).length > 0);
  return {
    unencryptedPersonalDataAssets: personal
      .filter((a) => a.encryptionAtRest === "none")
      .map((a) => ({ id: a.id, name: a.name, personalDataCategories: fromList(a.dataCategories) })),
    activitiesWithoutLawfulBasis: activities
      .filter((p) => p.role === "controller")
      .map((p) => ({ p, purposes: activityInputOf(p).purposes }))
      .filter(({ purposes }) => purposes.length === 0 || purposes.some((x) => !x.lawfulBasis))
      .map(({ p, purposes }) => ({ id: p.id, name: p.name, purposesWithoutBasis: purposes.filter((x) => !x.lawfulBasis).map((x) => x.purpose) })),
    totals: { assetsWithPersonalData: personal.length, activities: activities.length },
  };
}
