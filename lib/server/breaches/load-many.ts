import "server-only";
// Incidents as DTOs: one (every read and write of an incident) or many in a few statements (the
// register export), by the same queries and orders. Loading many one by one
// took four queries per incident inside one transaction plus an inventory read per incident
// with assets, which is what held the register CSV at ~300 rows/s (issue 14); the deadlines
// themselves are stored rows and were never recomputed on export.
import { byUrgency } from "@/lib/breaches/reconcile";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/server/db";
import { toIncidentDto } from "@/lib/server/breaches/incident-core";
import type { IncidentDto } from "@/lib/validation/breaches";

/** Ids per `IN (...)`: far below either dialect's bound-parameter limit. */
const CHUNK = 500;

function groupBy<T extends { incidentId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.incidentId);
    if (list) list.push(r);
    else out.set(r.incidentId, [r]);
  }
  return out;
}

/** One incident's DTO (its linked assets as ids; incident-assets.ts fills in their summaries). */
export async function loadIncidentDto(tx: Tx, id: string): Promise<IncidentDto> {
  const [dto] = await loadIncidentDtos(tx, [id]);
  if (!dto) throw new AppError("NOT_FOUND", "No such incident.");
  return dto;
}

/**
 * The DTOs of `ids`, in that order: obligations by due instant then key, re-sorted by urgency
 * (the same order on both dialects, which sort NULLs differently); timeline by instant.
 */
export async function loadIncidentDtos(tx: Tx, ids: readonly string[]): Promise<IncidentDto[]> {
  const byId = new Map<string, IncidentDto>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const where = { incidentId: { in: chunk } };
    // One after another: a transaction's queries run on one connection anyway.
    const rows = await tx.incident.findMany({ where: { id: { in: chunk } } });
    const obligations = groupBy(await tx.breachObligation.findMany({ where, orderBy: [{ incidentId: "asc" }, { dueAt: "asc" }, { key: "asc" }] }));
    const timeline = groupBy(await tx.incidentTimelineEntry.findMany({ where, orderBy: [{ incidentId: "asc" }, { at: "asc" }, { createdAt: "asc" }] }));
    const links = groupBy(await tx.incidentAsset.findMany({ where, select: { incidentId: true, assetId: true }, orderBy: [{ incidentId: "asc" }, { assetId: "asc" }] }));
    for (const row of rows) {
      const dto = toIncidentDto(row, obligations.get(row.id) ?? [], timeline.get(row.id) ?? [], (links.get(row.id) ?? []).map((l) => l.assetId));
      dto.obligations.sort(byUrgency);
      byId.set(row.id, dto);
    }
  }
  // An incident deleted between reading the ids and this transaction is left out.
  return ids.flatMap((id) => byId.get(id) ?? []);
}
