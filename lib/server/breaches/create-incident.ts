import "server-only";
// Reporting an incident: stores the facts and the obligations the deadline engine derives from
// them (each with its rule version), in one transaction with the audit event.
import { AppError, zodDetails } from "@/lib/errors";
import { actorId, actorLabel, type Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";
import { prefillFromAssets } from "@/lib/breaches/asset-prefill";
import { attachAssetSummaries, replaceLinksInTx, resolveAssets } from "@/lib/server/breaches/incident-assets";
import { incidentColumns, loadIncidentDto, orgTimeZone, recomputeInTx } from "@/lib/server/breaches/incident-core";
import { createIncidentSchema, type IncidentDto } from "@/lib/validation/breaches";

async function nextReference(tx: Tx, discoveredAt: Date): Promise<string> {
  const year = discoveredAt.getUTCFullYear();
  const prefix = `INC-${year}-`;
  const last = await tx.incident.findFirst({ where: { reference: { startsWith: prefix } }, orderBy: { reference: "desc" }, select: { reference: true } });
  const n = last ? Number(last.reference.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, "0")}`;
}

export async function createIncident(actor: Actor, input: unknown): Promise<IncidentDto> {
  await requirePermission(actor, "breach:write", { type: "Incident" });
  const parsed = createIncidentSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Check the incident fields.", zodDetails(parsed.error.issues));
  const timeZone = await orgTimeZone();
  // Linked assets: every id must exist (422 naming the unknown ones, nothing written); facts the
  // client did not state are pre-filled from them (lib/breaches/asset-prefill.ts).
  const assets = await resolveAssets(actor, parsed.data.assetIds ?? []);
  const { encrypted, dataCategories, phi } = parsed.data;
  const prefill = prefillFromAssets({ assets, client: { encrypted, dataCategories, phi } });
  const facts = {
    ...parsed.data,
    ...(prefill.encrypted !== undefined ? { encrypted: prefill.encrypted } : {}),
    ...(prefill.dataCategories ? { dataCategories: prefill.dataCategories } : {}),
    ...(prefill.phi ? { phi: true } : {}),
  };
  const columns = { ...incidentColumns(facts), encryptedSource: prefill.encryptedSource ?? "client" };
  // Two concurrent reports may pick the same reference; the unique index makes the loser retry.
  for (let attempt = 0; ; attempt++) {
    try {
      const dto = await db().$transaction(async (tx) => {
        const discoveredAt = new Date(parsed.data.discoveredAt);
        const row = await tx.incident.create({
          data: {
            ...(columns as object),
            title: parsed.data.title,
            discoveredAt,
            reference: await nextReference(tx, discoveredAt),
            timeZone,
            createdById: actorId(actor),
          },
        });
        await replaceLinksInTx(tx, actor, row.id, assets.map((a) => a.id));
        const summary = await recomputeInTx(tx, row, timeZone);
        await tx.incidentTimelineEntry.create({
          data: { incidentId: row.id, at: discoveredAt, action: "Breach discovered; incident reported in the register", performedBy: "", recordedById: actorId(actor), recordedByLabel: actorLabel(actor) },
        });
        await appendAudit(tx, actor, {
          action: "incident.create",
          entityType: "Incident",
          entityId: row.id,
          diff: {
            reference: row.reference,
            facts: parsed.data,
            timeZone,
            obligations: summary.added,
            ...(assets.length
              ? {
                  assets: assets.map((a) => ({ id: a.id, name: a.name, encryptionAtRest: a.encryptionAtRest, personalDataCategories: a.personalDataCategories })),
                  prefilled: { ...prefill },
                }
              : {}),
          },
        });
        return loadIncidentDto(tx, row.id);
      });
      return await attachAssetSummaries(actor, dto);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "P2002" && attempt < 3) continue;
      throw e;
    }
  }
}
