import "server-only";
// Editing an incident's facts recomputes its open obligations; sent and closed ones are kept as
// they were. The audit diff records the changed facts and what the recomputation changed.
import { AppError, validationError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { prefillFromAssets, type EncryptedSource } from "@/lib/breaches/asset-prefill";
import type { DataElement } from "@/lib/breaches/types";
import { attachAssetSummaries, replaceLinksInTx, resolveAssets } from "@/lib/server/breaches/incident-assets";
import { incidentColumns, orgTimeZone, recomputeInTx, toIncidentDto } from "@/lib/server/breaches/incident-core";
import { loadIncidentDto } from "@/lib/server/breaches/load-many";
import { updateIncidentSchema, type IncidentDto } from "@/lib/validation/breaches";

class NoChange extends Error {}
const unlessNoChange = (incidentId: string) => (e: unknown) => {
  if (e instanceof NoChange) return db().$transaction((tx) => loadIncidentDto(tx, incidentId));
  throw e;
};

export async function updateIncident(actor: Actor, incidentId: string, input: unknown): Promise<IncidentDto> {
  await requirePermission(actor, "breach:write", { type: "Incident", id: incidentId });
  const parsed = updateIncidentSchema.safeParse(input);
  if (!parsed.success) throw validationError("Check the incident fields.", parsed.error.issues, input);
  const { version, assetIds, ...changes } = parsed.data;
  const timeZone = await orgTimeZone();
  // Unknown asset ids are refused before anything is written.
  const assets = assetIds !== undefined ? await resolveAssets(actor, assetIds) : null;
  const dto = await db().$transaction(async (tx) => {
    const before = await tx.incident.findUnique({ where: { id: incidentId } });
    if (!before) throw new AppError("NOT_FOUND", "No such incident.");
    let facts: typeof changes = changes;
    let encryptedSource: EncryptedSource | undefined = changes.encrypted !== undefined ? "client" : undefined;
    let prefilled: ReturnType<typeof prefillFromAssets> | undefined;
    if (assets) {
      // New links: pre-fill what this request does not state, never over a person's earlier answer.
      prefilled = prefillFromAssets({
        assets,
        client: { encrypted: changes.encrypted, dataCategories: changes.dataCategories, phi: changes.phi, dataElements: changes.dataElements },
        stored: {
          encryptedSource: before.encryptedSource as EncryptedSource,
          dataCategories: JSON.parse(before.dataCategories) as string[],
          dataElements: before.dataElements === null ? null : (JSON.parse(before.dataElements) as DataElement[]),
        },
      });
      facts = {
        ...changes,
        ...(prefilled.encrypted !== undefined ? { encrypted: prefilled.encrypted } : {}),
        ...(prefilled.dataCategories ? { dataCategories: prefilled.dataCategories } : {}),
        ...(prefilled.dataElements ? { dataElements: prefilled.dataElements } : {}),
        ...(prefilled.phi ? { phi: true } : {}),
      };
      encryptedSource = prefilled.encryptedSource ?? encryptedSource;
    }
    const columns = { ...incidentColumns(facts), ...(encryptedSource ? { encryptedSource } : {}) };
    // Optimistic concurrency: a stale version (someone else saved first) is a 409.
    const res = await tx.incident.updateMany({
      where: { id: incidentId, ...(version !== undefined ? { version } : {}) },
      data: { ...(columns as object), timeZone, version: { increment: 1 } },
    });
    if (res.count === 0) throw new AppError("CONFLICT", "Someone else changed this incident; reload and try again.");
    const after = (await tx.incident.findUnique({ where: { id: incidentId } }))!;
    const beforeDto = toIncidentDto(before, [], []);
    const afterDto = toIncidentDto(after, [], []);
    const changedFacts: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of Object.keys(afterDto) as (keyof typeof afterDto)[]) {
      if (k === "version" || k === "updatedAt" || k === "obligations" || k === "timeline" || k === "assets") continue;
      if (JSON.stringify(beforeDto[k]) !== JSON.stringify(afterDto[k])) changedFacts[k] = { from: beforeDto[k], to: afterDto[k] };
    }
    const links = assets ? await replaceLinksInTx(tx, actor, incidentId, assets.map((a) => a.id)) : null;
    // Nothing changed (PATCH {}, or the values it already has): roll the version bump back
    // and answer the record as it stands, with no audit event (docs/decisions/007).
    if (Object.keys(changedFacts).length === 0 && (!links || links.added.length + links.removed.length === 0)) throw new NoChange();
    const recomputed = await recomputeInTx(tx, after, timeZone);
    await appendAudit(tx, actor, {
      action: "incident.update",
      entityType: "Incident",
      entityId: incidentId,
      diff: {
        facts: changedFacts,
        obligations: recomputed,
        ...(links && assets
          ? {
              assets: {
                added: assets.filter((a) => links.added.includes(a.id)).map((a) => ({ id: a.id, name: a.name, encryptionAtRest: a.encryptionAtRest })),
                removed: links.removed,
              },
              prefilled,
            }
          : {}),
      },
    });
    return loadIncidentDto(tx, incidentId);
  }).catch(unlessNoChange(incidentId));
  return attachAssetSummaries(actor, dto);
}
