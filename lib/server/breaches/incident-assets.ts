import "server-only";
// Incident <-> inventory asset links (issue 5: "linked assets (pre-filling whether the data was
// encrypted)"). The security summaries come from the inventory's integration surface
// (lib/server/inventory/integration.ts); see docs/decisions/310-incident-asset-links.md.
import type { LinkedAssetFacts } from "@/lib/breaches/asset-prefill";
import { AppError } from "@/lib/errors";
import { actorId, type Actor } from "@/lib/server/actor";
import { can, requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";
import { listAssets } from "@/lib/server/inventory/assets";
import { getAssetSecuritySummaries, type AssetSecuritySummary } from "@/lib/server/inventory/integration";
import type { IncidentAssetDto, IncidentDto, IncidentStatus } from "@/lib/validation/breaches";

/**
 * Whom the inventory is read as. A person or key that may read the inventory reads it as
 * themselves; an incidents-only API key (breach permissions, no inventory:read) still needs the
 * security summary of the assets it links or reads on an incident: it gets exactly that (name,
 * encryption, personal-data categories of the linked ids), read on the breach area's behalf.
 * Every caller has passed a breach:read or breach:write check before this is used.
 */
function inventoryReader(actor: Actor): Actor {
  return can(actor, "inventory:read") ? actor : { kind: "system", label: "breaches:asset-links" };
}

export type ResolvedAsset = AssetSecuritySummary & LinkedAssetFacts;

/** The assets for `ids` in the order given (deduplicated); unknown ids are a 422 that names them. */
export async function resolveAssets(actor: Actor, ids: readonly string[]): Promise<ResolvedAsset[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const found = await getAssetSecuritySummaries(inventoryReader(actor), unique);
  const byId = new Map(found.map((a) => [a.id, a]));
  const unknown = unique.filter((id) => !byId.has(id));
  if (unknown.length) {
    throw new AppError("VALIDATION", `No inventory asset with id ${unknown.join(", ")}.`, [
      { path: "assetIds", message: `unknown asset id(s): ${unknown.join(", ")}` },
    ]);
  }
  return unique.map((id) => byId.get(id)!);
}

/** Replaces the incident's links with `ids` inside the caller's transaction; returns what changed. */
export async function replaceLinksInTx(tx: Tx, actor: Actor, incidentId: string, ids: readonly string[]) {
  const before = (await tx.incidentAsset.findMany({ where: { incidentId }, select: { assetId: true } })).map((l) => l.assetId);
  const want = new Set(ids);
  const removed = before.filter((id) => !want.has(id));
  const added = [...want].filter((id) => !before.includes(id));
  if (removed.length) await tx.incidentAsset.deleteMany({ where: { incidentId, assetId: { in: removed } } });
  for (const assetId of added) await tx.incidentAsset.create({ data: { incidentId, assetId, linkedById: actorId(actor) } });
  return { added, removed };
}

export function assetDto(a: AssetSecuritySummary): IncidentAssetDto {
  return { id: a.id, name: a.name, encryptedAtRest: a.encryptedAtRest, encryptionAtRest: a.encryptionAtRest, personalDataCategories: a.personalDataCategories };
}

/** Fills the linked assets' security summaries into a DTO (loadIncidentDto carries ids only). */
export async function attachAssetSummaries(actor: Actor, dto: IncidentDto): Promise<IncidentDto> {
  if (!dto.assets.length) return dto;
  return withAssetSummaries(dto, await getAssetSecuritySummaries(inventoryReader(actor), dto.assets.map((a) => a.id)));
}

/** attachAssetSummaries for many DTOs: the summaries read once, in chunks of the inventory's limit (500 ids). */
export async function attachAssetSummariesMany(actor: Actor, dtos: readonly IncidentDto[]): Promise<IncidentDto[]> {
  const ids = [...new Set(dtos.flatMap((d) => d.assets.map((a) => a.id)))];
  const found: AssetSecuritySummary[] = [];
  for (let i = 0; i < ids.length; i += 500) found.push(...(await getAssetSecuritySummaries(inventoryReader(actor), ids.slice(i, i + 500))));
  const byId = new Map(found.map((a) => [a.id, a]));
  return dtos.map((d) => withAssetSummaries(d, d.assets.flatMap((a) => byId.get(a.id) ?? [])));
}

/** The same with summaries already read (a create reads them, checked, before its transaction). */
export function withAssetSummaries(dto: IncidentDto, found: readonly AssetSecuritySummary[]): IncidentDto {
  if (!dto.assets.length) return dto;
  const byId = new Map(found.map((a) => [a.id, a]));
  const assets = dto.assets.map((a) => {
    const s = byId.get(a.id);
    return s ? assetDto(s) : { ...a, name: "(not in the inventory)" };
  });
  assets.sort((x, y) => x.name.localeCompare(y.name));
  return { ...dto, assets };
}

export type AssetIncident = { id: string; reference: string; title: string; status: IncidentStatus; discoveredAt: string; encrypted: boolean };

/** The incidents an asset is linked to, newest discovery first (the asset page). */
export async function listIncidentsForAsset(actor: Actor, assetId: string): Promise<AssetIncident[]> {
  await requirePermission(actor, "breach:read", { type: "DataAsset", id: assetId });
  if (typeof assetId !== "string" || assetId.length > 100) return [];
  const links = await db().incidentAsset.findMany({
    where: { assetId },
    select: { incident: { select: { id: true, reference: true, title: true, status: true, discoveredAt: true, encrypted: true } } },
  });
  return links
    .map(({ incident: i }) => ({ ...i, status: i.status as IncidentStatus, discoveredAt: i.discoveredAt.toISOString() }))
    .sort((a, b) => b.discoveredAt.localeCompare(a.discoveredAt));
}

/** Search the inventory by name for the wizard's asset picker (who reports needs inventory:read too). */
export async function searchLinkableAssets(actor: Actor, q: unknown): Promise<IncidentAssetDto[]> {
  await requirePermission(actor, "breach:write", { type: "Incident" });
  const query = typeof q === "string" ? q.trim().slice(0, 200) : "";
  const page = await listAssets(actor, { ...(query ? { q: query } : {}), sort: "name", dir: "asc", limit: 20 });
  const summaries = await getAssetSecuritySummaries(actor, page.items.map((a) => a.id));
  return summaries.map(assetDto);
}
