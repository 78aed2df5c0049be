import "server-only";
// Reporting an incident: stores the facts and the obligations the deadline engine derives from
// them (each with its rule version), in one transaction with the audit event.
import { validationError } from "@/lib/errors";
import { actorId, actorLabel, type Actor } from "@/lib/server/actor";
import { plainTransaction, type Transact } from "@/lib/server/api/idempotency";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import type { Tx } from "@/lib/server/db";
import { highestNumber, nextNumber } from "@/lib/server/references";
import { prefillFromAssets } from "@/lib/breaches/asset-prefill";
import { replaceLinksInTx, resolveAssets, withAssetSummaries } from "@/lib/server/breaches/incident-assets";
import { incidentColumns, orgTimeZone, recomputeInTx } from "@/lib/server/breaches/incident-core";
import { loadIncidentDto } from "@/lib/server/breaches/load-many";
import { enqueueWebhookEvent } from "@/lib/server/webhooks/outbox";
import { createIncidentSchema, type IncidentDto } from "@/lib/validation/breaches";

/** INC-YYYY-NNNN from the year's counter, in the transaction that inserts the incident. */
async function nextReference(tx: Tx, discoveredAt: Date): Promise<string> {
  const year = discoveredAt.getUTCFullYear();
  const prefix = `INC-${year}-`;
  const n = await nextNumber(tx, "incident", year, async () => {
    const rows = await tx.incident.findMany({ where: { reference: { startsWith: prefix } }, select: { reference: true } });
    return highestNumber(rows.map((r) => r.reference), prefix);
  });
  return `${prefix}${String(n).padStart(4, "0")}`;
}

/** `transact` opens the transaction (the API passes one that claims an Idempotency-Key in it). */
export async function createIncident(actor: Actor, input: unknown, transact: Transact = plainTransaction): Promise<IncidentDto> {
  await requirePermission(actor, "breach:write", { type: "Incident" });
  const parsed = createIncidentSchema.safeParse(input);
  if (!parsed.success) throw validationError("Check the incident fields.", parsed.error.issues, input);
  const timeZone = await orgTimeZone();
  // Linked assets: every id must exist (422 naming the unknown ones, nothing written); facts the
  // client did not state are pre-filled from them (lib/breaches/asset-prefill.ts).
  const assets = await resolveAssets(actor, parsed.data.assetIds ?? []);
  const { encrypted, dataCategories, phi, dataElements } = parsed.data;
  const prefill = prefillFromAssets({ assets, client: { encrypted, dataCategories, phi, dataElements } });
  const facts = {
    ...parsed.data,
    ...(prefill.encrypted !== undefined ? { encrypted: prefill.encrypted } : {}),
    ...(prefill.dataCategories ? { dataCategories: prefill.dataCategories } : {}),
    ...(prefill.dataElements ? { dataElements: prefill.dataElements } : {}),
    ...(prefill.phi ? { phi: true } : {}),
  };
  const columns = { ...incidentColumns(facts), encryptedSource: prefill.encryptedSource ?? "client" };
  return transact(async (tx) => {
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
    await enqueueWebhookEvent(tx, "incident.created", { incidentId: row.id, reference: row.reference, discoveredAt: discoveredAt.toISOString() });
    // The summaries read before the transaction (the same ones the facts were pre-filled
    // from), so the whole answer is settled when it commits and a replay returns it as is.
    return withAssetSummaries(await loadIncidentDto(tx, row.id), assets);
  });
}
