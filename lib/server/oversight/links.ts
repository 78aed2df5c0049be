import "server-only";
// Which data inventory records an AI system uses: data assets (issue 3 item 1, "linked AI
// systems") and GDPR Art. 30 processing activities (issue 6 item 1). Knowing which
// personal data feeds a system is what a deployer needs for its Art. 26(9) AI Act DPIA
// input and for the Art. 30(1) record of the activity it serves.
// Stored in join tables (AiSystemAsset, AiSystemActivity); see docs/decisions/410-*.md.
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { can, requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";
import { containsIgnoringCase } from "@/lib/server/name-search";
import { parseInput, requireNamedActor } from "@/lib/server/oversight/common";
import { aiSystemLinksSchema, type AiSystemLinksInput } from "@/lib/validation/oversight";

export type LinkedRecord = { id: string; name: string | null };
export type AiSystemLinks = { aiSystemId: string; assets: LinkedRecord[]; processingActivities: LinkedRecord[] };
export type AiSystemUsingRecord = { id: string; name: string; riskTier: string; deploymentStatus: string };

const diffOf = (before: string[], after: string[]) => ({
  added: after.filter((i) => !before.includes(i)).sort(),
  removed: before.filter((i) => !after.includes(i)).sort(),
});

/** Refuses ids that are not in the inventory, naming every one of them (422). */
async function assertKnown(tx: Tx, data: AiSystemLinksInput) {
  const details: { path: string; message: string }[] = [];
  const unknown: string[] = [];
  if (data.assetIds?.length) {
    const found = new Set((await tx.dataAsset.findMany({ where: { id: { in: data.assetIds } }, select: { id: true } })).map((r) => r.id));
    const bad = data.assetIds.filter((i) => !found.has(i));
    if (bad.length) {
      details.push({ path: "assetIds", message: `unknown asset id(s): ${bad.join(", ")}` });
      unknown.push(`assets ${bad.join(", ")}`);
    }
  }
  if (data.processingActivityIds?.length) {
    const found = new Set((await tx.processingActivity.findMany({ where: { id: { in: data.processingActivityIds } }, select: { id: true } })).map((r) => r.id));
    const bad = data.processingActivityIds.filter((i) => !found.has(i));
    if (bad.length) {
      details.push({ path: "processingActivityIds", message: `unknown processing activity id(s): ${bad.join(", ")}` });
      unknown.push(`processing activities ${bad.join(", ")}`);
    }
  }
  if (details.length) throw new AppError("VALIDATION", `Not in the data inventory: ${unknown.join("; ")}.`, details);
}

/**
 * Replaces the sets that are present in `data` (an absent key leaves its set alone),
 * inside the caller's transaction, and appends one audit event listing the added and
 * removed ids. The caller has checked the permission and that the system exists.
 */
export async function writeLinks(tx: Tx, actor: Actor, aiSystemId: string, data: AiSystemLinksInput) {
  await assertKnown(tx, data);
  // Concurrent link changes of one system take turns (the row lock on PostgreSQL; SQLite has one
  // writer), so each diffs against what the previous one left and none inserts a link twice.
  await tx.$executeRaw`UPDATE "AiSystem" SET "version" = "version" WHERE "id" = ${aiSystemId}`;
  const [assetRows, activityRows] = await Promise.all([
    tx.aiSystemAsset.findMany({ where: { aiSystemId }, select: { assetId: true } }),
    tx.aiSystemActivity.findMany({ where: { aiSystemId }, select: { activityId: true } }),
  ]);
  const beforeAssets = assetRows.map((r) => r.assetId);
  const beforeActivities = activityRows.map((r) => r.activityId);
  const assets = diffOf(beforeAssets, data.assetIds ?? beforeAssets);
  const activities = diffOf(beforeActivities, data.processingActivityIds ?? beforeActivities);
  const changed = assets.added.length + assets.removed.length + activities.added.length + activities.removed.length > 0;
  if (changed) {
    if (assets.removed.length) await tx.aiSystemAsset.deleteMany({ where: { aiSystemId, assetId: { in: assets.removed } } });
    if (assets.added.length) await tx.aiSystemAsset.createMany({ data: assets.added.map((assetId) => ({ aiSystemId, assetId })) });
    if (activities.removed.length) await tx.aiSystemActivity.deleteMany({ where: { aiSystemId, activityId: { in: activities.removed } } });
    if (activities.added.length) await tx.aiSystemActivity.createMany({ data: activities.added.map((activityId) => ({ aiSystemId, activityId })) });
    await tx.aiSystem.update({ where: { id: aiSystemId }, data: { version: { increment: 1 } } });
    await appendAudit(tx, actor, { action: "oversight.system.links", entityType: "AiSystem", entityId: aiSystemId, diff: { assets, processingActivities: activities } });
  }
  return {
    assetIds: (data.assetIds ?? beforeAssets).slice().sort(),
    processingActivityIds: (data.processingActivityIds ?? beforeActivities).slice().sort(),
    changed,
  };
}

/** Sets the assets and/or processing activities an AI system uses (officers and admins). */
export async function setAiSystemLinks(actor: Actor, aiSystemId: string, input: unknown) {
  await requirePermission(actor, "oversight:admin", { type: "AiSystem", id: aiSystemId });
  requireNamedActor(actor);
  const data = parseInput(aiSystemLinksSchema, input);
  return db().$transaction(async (tx) => {
    if (!(await tx.aiSystem.findUnique({ where: { id: aiSystemId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "No such AI system.");
    const r = await writeLinks(tx, actor, aiSystemId, data);
    return { aiSystemId, assetIds: r.assetIds, processingActivityIds: r.processingActivityIds, changed: r.changed };
  });
}

/**
 * The linked records with their names. Names come from the inventory, so they are shown
 * only to someone who may read the inventory; a reviewer sees the ids only.
 */
export async function getAiSystemLinks(actor: Actor, aiSystemId: string): Promise<AiSystemLinks> {
  await requirePermission(actor, "oversight:read", { type: "AiSystem", id: aiSystemId });
  if (!(await db().aiSystem.findUnique({ where: { id: aiSystemId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "No such AI system.");
  const [assetRows, activityRows] = await Promise.all([
    db().aiSystemAsset.findMany({ where: { aiSystemId }, select: { assetId: true } }),
    db().aiSystemActivity.findMany({ where: { aiSystemId }, select: { activityId: true } }),
  ]);
  const names = can(actor, "inventory:read");
  const [assets, activities] = names
    ? await Promise.all([
        db().dataAsset.findMany({ where: { id: { in: assetRows.map((r) => r.assetId) } }, select: { id: true, name: true } }),
        db().processingActivity.findMany({ where: { id: { in: activityRows.map((r) => r.activityId) } }, select: { id: true, name: true } }),
      ])
    : [[], []];
  const named = (ids: string[], rows: { id: string; name: string }[]) =>
    ids
      .map((id) => ({ id, name: rows.find((r) => r.id === id)?.name ?? null }))
      .sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id));
  return {
    aiSystemId,
    assets: named(assetRows.map((r) => r.assetId), assets),
    processingActivities: named(activityRows.map((r) => r.activityId), activities),
  };
}

/**
 * What the link form offers: every asset and activity by name (officers and admins), with
 * archivedAt so the form can leave archived ones out unless already linked (decision 101).
 */
/** Records offered per kind: the linked ones always, then this many matches by name. */
export const LINK_CANDIDATES_SHOWN = 100;

/**
 * The link picker's records: every record already linked (archived or not: saving posts the
 * ticked boxes, so a linked record left out would be unlinked), then up to
 * LINK_CANDIDATES_SHOWN active ones by name, those containing `find` when given. An inventory
 * of 10,000 assets was 1.2 MB of checkboxes, and a cap of 2,000 by name left the rest
 * unlinkable; now any record is one search away. `matches` counts the active records the
 * search matched, so the page can say how many are not shown.
 */
export async function linkCandidates(actor: Actor, opts: { find?: string; linkedAssetIds?: string[]; linkedActivityIds?: string[] } = {}) {
  await requirePermission(actor, "oversight:admin", { type: "AiSystem" });
  await requirePermission(actor, "inventory:read");
  const find = opts.find?.trim().slice(0, 200) || undefined;
  const named = find ? { name: containsIgnoringCase(find) } : {};
  const active = { archivedAt: null, ...named };
  const page = { orderBy: [{ name: "asc" as const }, { id: "asc" as const }], take: LINK_CANDIDATES_SHOWN };
  const assetSelect = { id: true, name: true, businessUnit: true, archivedAt: true } as const;
  const activitySelect = { id: true, name: true, role: true, archivedAt: true } as const;
  const [assets, linkedAssets, assetMatches, processingActivities, linkedActivities, activityMatches] = await Promise.all([
    db().dataAsset.findMany({ where: active, select: assetSelect, ...page }),
    opts.linkedAssetIds?.length ? db().dataAsset.findMany({ where: { id: { in: opts.linkedAssetIds } }, select: assetSelect, orderBy: { name: "asc" } }) : [],
    db().dataAsset.count({ where: active }),
    db().processingActivity.findMany({ where: active, select: activitySelect, ...page }),
    opts.linkedActivityIds?.length ? db().processingActivity.findMany({ where: { id: { in: opts.linkedActivityIds } }, select: activitySelect, orderBy: { name: "asc" } }) : [],
    db().processingActivity.count({ where: active }),
  ]);
  const withLinked = <T extends { id: string }>(linked: T[], found: T[]) => [...linked, ...found.filter((r) => !linked.some((l) => l.id === r.id))];
  return { assets: withLinked(linkedAssets, assets), processingActivities: withLinked(linkedActivities, processingActivities), matches: { assets: assetMatches, processingActivities: activityMatches }, find: find ?? null };
}

/**
 * For the inventory's asset and activity pages: the AI systems that use the record.
 * Permission inventory:read, because the list is part of the inventory record (issue 3
 * item 1); see docs/decisions/411-*.md.
 */
export async function aiSystemsUsingInventoryRecord(actor: Actor, kind: "asset" | "activity", recordId: string): Promise<AiSystemUsingRecord[]> {
  await requirePermission(actor, "inventory:read", { type: kind === "asset" ? "DataAsset" : "ProcessingActivity", id: recordId });
  const systemIds =
    kind === "asset"
      ? (await db().aiSystemAsset.findMany({ where: { assetId: recordId }, select: { aiSystemId: true } })).map((r) => r.aiSystemId)
      : (await db().aiSystemActivity.findMany({ where: { activityId: recordId }, select: { aiSystemId: true } })).map((r) => r.aiSystemId);
  if (!systemIds.length) return [];
  return db().aiSystem.findMany({ where: { id: { in: systemIds }, archivedAt: null }, select: { id: true, name: true, riskTier: true, deploymentStatus: true }, orderBy: { name: "asc" } });
}
