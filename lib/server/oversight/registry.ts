import "server-only";
// The AI system registry: systems, model versions (approved by a named person) and the
// callback secret. EU AI Act Art. 26(1)-(2): deployers use systems per instructions and
// assign oversight to competent people; the registry records who approved what.
import { randomBytes } from "node:crypto";
import { AppError, conflictOnUnique } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { archivedWhere } from "@/lib/server/lifecycle/archive";
import { archivedFilterSchema, type ArchivedFilter } from "@/lib/validation/lifecycle";
import { parseSafe } from "@/lib/validation/safe-input";
import { requirePermission } from "@/lib/server/authz";
import { db, type Db, type Tx } from "@/lib/server/db";
import { containsIgnoringCase } from "@/lib/server/name-search";
import { encrypt } from "@/lib/server/keys";
import { parseInput, personOf, requireNamedActor, SECRET_CONTEXT } from "@/lib/server/oversight/common";
import { writeLinks } from "@/lib/server/oversight/links";
import { createAiSystemSchema, createModelVersionSchema, DEPLOYMENT_STATUSES, MIN_RETENTION_DAYS, RISK_TIERS, updateAiSystemSchema } from "@/lib/validation/oversight";

const newSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

export async function createAiSystem(actor: Actor, input: unknown) {
  await requirePermission(actor, "oversight:admin", { type: "AiSystem" });
  requireNamedActor(actor);
  const { assetIds, processingActivityIds, ...data } = parseInput(createAiSystemSchema, input);
  const secret = newSecret();
  const taken = () => new AppError("CONFLICT", `An AI system named "${data.name}" already exists.`);
  return conflictOnUnique(taken, () => db().$transaction(async (tx) => {
    if (await tx.aiSystem.findUnique({ where: { name: data.name }, select: { id: true } })) throw taken();
    const now = new Date();
    const row = await tx.aiSystem.create({
      data: {
        name: data.name,
        purpose: data.purpose,
        owner: data.owner || null,
        riskTier: data.riskTier,
        deploymentStatus: data.deploymentStatus ?? "development",
        // Not the column default (183, from before six months were counted as calendar months).
        retentionDays: data.retentionDays ?? MIN_RETENTION_DAYS,
        callbackSecretEnc: encrypt(secret, SECRET_CONTEXT),
        secretRotatedAt: now,
        createdById: actor.kind === "user" || actor.kind === "api_key" ? (actor.userId ?? null) : null,
      },
    });
    await appendAudit(tx, actor, { action: "oversight.system.create", entityType: "AiSystem", entityId: row.id, diff: { name: row.name, riskTier: row.riskTier, owner: row.owner } });
    // Links in the same transaction: an unknown inventory id refuses the whole registration.
    const links = await writeLinks(tx, actor, row.id, { assetIds, processingActivityIds });
    return { id: row.id, name: row.name, riskTier: row.riskTier as (typeof data)["riskTier"], callbackSecret: secret, assetIds: links.assetIds, processingActivityIds: links.processingActivityIds };
  }));
}

/** Changes the registry fields and/or the inventory links; returns the system as GET shows it. */
export async function updateAiSystem(actor: Actor, aiSystemId: string, input: unknown) {
  await requirePermission(actor, "oversight:admin", { type: "AiSystem", id: aiSystemId });
  requireNamedActor(actor);
  const { assetIds, processingActivityIds, ...data } = parseInput(updateAiSystemSchema, input);
  const sent = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) as typeof data;
  return db().$transaction(async (tx) => {
    const before = await tx.aiSystem.findUnique({ where: { id: aiSystemId }, select: { deploymentStatus: true, owner: true, retentionDays: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such AI system.");
    // Only fields whose value changes are written and audited; PATCH {} writes nothing.
    const fields = Object.fromEntries(Object.entries(sent).filter(([k, v]) => before[k as keyof typeof before] !== v)) as typeof data;
    if (Object.keys(fields).length) {
      await tx.aiSystem.update({ where: { id: aiSystemId }, data: { ...fields, version: { increment: 1 } } });
      await appendAudit(tx, actor, { action: "oversight.system.update", entityType: "AiSystem", entityId: aiSystemId, diff: { before, after: fields } });
    }
    await writeLinks(tx, actor, aiSystemId, { assetIds, processingActivityIds });
    const [view] = await loadSystems(tx, aiSystemId);
    return view;
  });
}

/** A new secret, shown once; callbacks are signed with it from now on. */
export async function rotateCallbackSecret(actor: Actor, aiSystemId: string) {
  await requirePermission(actor, "oversight:admin", { type: "AiSystem", id: aiSystemId });
  requireNamedActor(actor);
  const secret = newSecret();
  return db().$transaction(async (tx) => {
    const res = await tx.aiSystem.updateMany({ where: { id: aiSystemId }, data: { callbackSecretEnc: encrypt(secret, SECRET_CONTEXT), secretRotatedAt: new Date(), version: { increment: 1 } } });
    if (res.count === 0) throw new AppError("NOT_FOUND", "No such AI system.");
    await appendAudit(tx, actor, { action: "oversight.system.rotate-secret", entityType: "AiSystem", entityId: aiSystemId });
    return { id: aiSystemId, callbackSecret: secret };
  });
}

type VersionRow = { id: string; aiSystemId: string; version: string; artifactSha256: string; trainingDataRef: string | null; notes: string | null; status: string; approvedByLabel: string | null; approvedAt: Date | null; createdAt: Date };
function versionDto(v: VersionRow) {
  return {
    id: v.id,
    aiSystemId: v.aiSystemId,
    version: v.version,
    artifactSha256: v.artifactSha256,
    trainingDataRef: v.trainingDataRef,
    notes: v.notes,
    status: v.status as "draft" | "approved" | "retired",
    approvedBy: v.approvedByLabel,
    approvedAt: v.approvedAt?.toISOString() ?? null,
    createdAt: v.createdAt.toISOString(),
  };
}

export async function createModelVersion(actor: Actor, aiSystemId: string, input: unknown) {
  await requirePermission(actor, "oversight:admin", { type: "AiSystem", id: aiSystemId });
  requireNamedActor(actor);
  const data = parseInput(createModelVersionSchema, input);
  const taken = () => new AppError("CONFLICT", `Version ${data.version} is already registered for this system.`);
  return conflictOnUnique(taken, () => db().$transaction(async (tx) => {
    if (!(await tx.aiSystem.findUnique({ where: { id: aiSystemId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "No such AI system.");
    if (await tx.aiModelVersion.findUnique({ where: { aiSystemId_version: { aiSystemId, version: data.version } }, select: { id: true } })) throw taken();
    const row = await tx.aiModelVersion.create({ data: { aiSystemId, version: data.version, artifactSha256: data.artifactSha256, trainingDataRef: data.trainingDataRef ?? null, notes: data.notes ?? null } });
    await appendAudit(tx, actor, { action: "oversight.model.create", entityType: "AiModelVersion", entityId: row.id, diff: { aiSystemId, version: data.version, artifactSha256: data.artifactSha256 } });
    return versionDto(row);
  }));
}

/** Approval by a named person: a key must act for an officer or admin, never the shell. */
export async function approveModelVersion(actor: Actor, aiSystemId: string, versionId: string) {
  await requirePermission(actor, "oversight:admin", { type: "AiModelVersion", id: versionId });
  requireNamedActor(actor);
  return db().$transaction(async (tx) => {
    const person = await personOf(tx, actor);
    if (!person) throw new AppError("FORBIDDEN", "A model version is approved by a named compliance officer or admin.");
    const v = await tx.aiModelVersion.findFirst({ where: { id: versionId, aiSystemId } });
    if (!v) throw new AppError("NOT_FOUND", "No such model version for this AI system.");
    if (v.status !== "draft") throw new AppError("CONFLICT", `This version is ${v.status}; only a draft can be approved.`);
    const now = new Date();
    const res = await tx.aiModelVersion.updateMany({ where: { id: versionId, status: "draft" }, data: { status: "approved", approvedById: person.userId, approvedByLabel: person.label, approvedAt: now } });
    if (res.count === 0) throw new AppError("CONFLICT", "Someone else changed this version; reload.");
    await appendAudit(tx, actor, { action: "oversight.model.approve", entityType: "AiModelVersion", entityId: versionId, diff: { aiSystemId, version: v.version, approvedBy: person.label } });
    return versionDto({ ...v, status: "approved", approvedByLabel: person.label, approvedAt: now });
  });
}

export async function retireModelVersion(actor: Actor, aiSystemId: string, versionId: string) {
  await requirePermission(actor, "oversight:admin", { type: "AiModelVersion", id: versionId });
  requireNamedActor(actor);
  return db().$transaction(async (tx) => {
    const v = await tx.aiModelVersion.findFirst({ where: { id: versionId, aiSystemId } });
    if (!v) throw new AppError("NOT_FOUND", "No such model version for this AI system.");
    if (v.status === "retired") throw new AppError("CONFLICT", "This version is already retired.");
    const now = new Date();
    await tx.aiModelVersion.update({ where: { id: versionId }, data: { status: "retired", retiredAt: now } });
    await appendAudit(tx, actor, { action: "oversight.model.retire", entityType: "AiModelVersion", entityId: versionId, diff: { aiSystemId, version: v.version, before: v.status } });
    return versionDto({ ...v, status: "retired" });
  });
}

type RiskTier = (typeof RISK_TIERS)[number];
type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** The systems (all, or one) with versions, policy, open decisions and inventory links. */
async function loadSystems(client: Db | Tx, id?: string, archived?: ArchivedFilter, page?: { skip: number; take: number; q?: string }) {
  // One system by id is read archived or not (its page keeps its history); lists hide archived ones.
  const systems = await client.aiSystem.findMany({
    where: id ? { id } : systemsWhere(archived, page?.q),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, purpose: true, owner: true, riskTier: true, deploymentStatus: true, retentionDays: true, createdAt: true, archivedAt: true, archivedBy: true },
    ...(page ? { skip: page.skip, take: page.take } : {}),
  });
  // A page reads the versions, policies and links of its own systems only.
  const where = id ? { aiSystemId: id } : page ? { aiSystemId: { in: systems.map((s) => s.id) } } : {};
  const versions = await client.aiModelVersion.findMany({ where, orderBy: { createdAt: "asc" } });
  const policies = await client.escalationPolicy.findMany({ where, select: { aiSystemId: true, rules: true, revision: true, allowAdminReview: true } });
  const pending = await client.oversightDecision.groupBy({ by: ["aiSystemId"], where: { ...where, status: { in: ["pending_review", "escalated"] } }, _count: { _all: true } });
  const assetLinks = await client.aiSystemAsset.findMany({ where, select: { aiSystemId: true, assetId: true }, orderBy: { assetId: "asc" } });
  const activityLinks = await client.aiSystemActivity.findMany({ where, select: { aiSystemId: true, activityId: true }, orderBy: { activityId: "asc" } });
  return systems.map((s) => {
    const policy = policies.find((p) => p.aiSystemId === s.id);
    return {
      ...s,
      riskTier: s.riskTier as RiskTier,
      deploymentStatus: s.deploymentStatus as DeploymentStatus,
      createdAt: s.createdAt.toISOString(),
      archivedAt: s.archivedAt?.toISOString() ?? null,
      versions: versions.filter((v) => v.aiSystemId === s.id).map(versionDto),
      policy: policy ? { revision: policy.revision, rules: JSON.parse(policy.rules) as unknown[], allowAdminReview: policy.allowAdminReview } : null,
      openDecisions: pending.find((p) => p.aiSystemId === s.id)?._count._all ?? 0,
      assetIds: assetLinks.filter((l) => l.aiSystemId === s.id).map((l) => l.assetId),
      processingActivityIds: activityLinks.filter((l) => l.aiSystemId === s.id).map((l) => l.activityId),
    };
  });
}
export type AiSystemView = Awaited<ReturnType<typeof loadSystems>>[number];

export async function listAiSystems(actor: Actor, archived?: unknown) {
  await requirePermission(actor, "oversight:read", { type: "AiSystem" });
  return loadSystems(db(), undefined, parseSafe(archivedFilterSchema, archived ?? undefined));
}

const systemsWhere = (archived?: ArchivedFilter, q?: string) => ({ ...archivedWhere(archived), ...(q ? { name: containsIgnoringCase(q) } : {}) });

/** The registry page: one page of systems by name, optionally those whose name contains `q`. */
export async function pageAiSystems(actor: Actor, opts: { archived?: unknown; q?: string; page: number; pageSize: number }) {
  await requirePermission(actor, "oversight:read", { type: "AiSystem" });
  const archived = parseSafe(archivedFilterSchema, opts.archived ?? undefined);
  const q = opts.q?.trim().slice(0, 200) || undefined;
  const [total, items] = await Promise.all([
    db().aiSystem.count({ where: systemsWhere(archived, q) }),
    loadSystems(db(), undefined, archived, { skip: (opts.page - 1) * opts.pageSize, take: opts.pageSize, q }),
  ]);
  return { items, total };
}

export async function getAiSystem(actor: Actor, aiSystemId: string): Promise<AiSystemView> {
  await requirePermission(actor, "oversight:read", { type: "AiSystem", id: aiSystemId });
  const [view] = await loadSystems(db(), aiSystemId);
  if (!view) throw new AppError("NOT_FOUND", "No such AI system.");
  return view;
}
