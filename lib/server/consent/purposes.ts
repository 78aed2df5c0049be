import "server-only";
// Purposes and their notice versions. A notice version is never edited: a new text is a
// new version, hashed (SHA-256) and dated, so a receipt can prove which text a person saw.
import { createHash } from "node:crypto";
import { AppError, conflictOnUnique, zodDetails } from "@/lib/errors";
import { createPurposeSchema, noticeTextSchema, purposeKeySchema, retentionSchema, type ConsentPurposeDto, type LAWFUL_BASES } from "@/lib/validation/consent";
import type { Actor } from "@/lib/server/actor";
import { plainTransaction, type Transact } from "@/lib/server/api/idempotency";
import { appendAudit } from "@/lib/server/audit/append";
import { archivedWhere } from "@/lib/server/lifecycle/archive";
import { archivedFilterSchema } from "@/lib/validation/lifecycle";
import { parseSafe } from "@/lib/validation/safe-input";
import { requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";

export function sha256Hex(text: string) {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

type PurposeRow = { id: string; key: string; title: string; description: string; lawfulBasis: string; saleOrShare: boolean; evidenceRetentionDays: number | null; createdAt: Date; archivedAt: Date | null; archivedBy: string | null };
type NoticeRow = { purposeId: string; version: number; textSha256: string; publishedAt: Date };

function toDto(p: PurposeRow, notices: NoticeRow[]): ConsentPurposeDto {
  const mine = notices.filter((n) => n.purposeId === p.id).sort((a, b) => a.version - b.version);
  return {
    id: p.id,
    key: p.key,
    title: p.title,
    description: p.description,
    lawfulBasis: p.lawfulBasis as (typeof LAWFUL_BASES)[number],
    saleOrShare: p.saleOrShare,
    evidenceRetentionDays: p.evidenceRetentionDays,
    currentNoticeVersion: mine.at(-1)?.version ?? null,
    notices: mine.map((n) => ({ version: n.version, textSha256: n.textSha256, publishedAt: n.publishedAt.toISOString() })),
    createdAt: p.createdAt.toISOString(),
    archivedAt: p.archivedAt?.toISOString() ?? null,
    archivedBy: p.archivedBy,
  };
}

const NOTICE_SELECT = { purposeId: true, version: true, textSha256: true, publishedAt: true } as const;

/** `transact` opens the transaction (the API passes one that claims an Idempotency-Key in it). */
export async function createPurpose(actor: Actor, input: unknown, transact: Transact = plainTransaction): Promise<ConsentPurposeDto> {
  await requirePermission(actor, "consent:write", { type: "ConsentPurpose" });
  const parsed = createPurposeSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Check the highlighted fields.", zodDetails(parsed.error.issues));
  const { key, title, description, lawfulBasis, saleOrShare, noticeText, evidenceRetentionDays } = parsed.data;
  const taken = () => new AppError("CONFLICT", `A purpose with the key ${key} already exists.`);
  return conflictOnUnique(taken, () => transact(async (tx) => {
    if (await tx.consentPurpose.findUnique({ where: { key }, select: { id: true } })) throw taken();
    const purpose = await tx.consentPurpose.create({
      data: { key, title, description: description ?? "", lawfulBasis, saleOrShare: saleOrShare ?? false, evidenceRetentionDays: evidenceRetentionDays ?? null },
    });
    const notices: NoticeRow[] = [];
    if (noticeText) notices.push(await insertNotice(tx, purpose.id, 1, noticeText));
    await appendAudit(tx, actor, {
      action: "consent.purpose.create",
      entityType: "ConsentPurpose",
      entityId: purpose.id,
      diff: { key, title, lawfulBasis, saleOrShare: purpose.saleOrShare, evidenceRetentionDays: purpose.evidenceRetentionDays, noticeSha256: notices[0]?.textSha256 ?? null },
    });
    return toDto(purpose, notices);
  }));
}

async function insertNotice(tx: Tx, purposeId: string, version: number, text: string): Promise<NoticeRow> {
  return tx.consentNoticeVersion.create({ data: { purposeId, version, text, textSha256: sha256Hex(text) }, select: NOTICE_SELECT });
}

export async function publishNoticeVersion(actor: Actor, purposeKey: unknown, text: unknown): Promise<ConsentPurposeDto> {
  await requirePermission(actor, "consent:write", { type: "ConsentPurpose" });
  const key = purposeKeySchema.safeParse(purposeKey);
  const body = noticeTextSchema.safeParse(text);
  if (!key.success || !body.success) {
    throw new AppError("VALIDATION", "Check the highlighted fields.", zodDetails([...(key.error?.issues ?? []).map((i) => ({ ...i, path: ["purposeKey"] })), ...(body.error?.issues ?? []).map((i) => ({ ...i, path: ["text"] }))]));
  }
  return db().$transaction(async (tx) => {
    const purpose = await tx.consentPurpose.findUnique({ where: { key: key.data } });
    if (!purpose) throw new AppError("NOT_FOUND", `No purpose with the key ${key.data}.`);
    // Numbers are max+1 per purpose: lock the purpose row first so concurrent publishes take
    // turns (PostgreSQL; SQLite has one writer) and each reads the latest version.
    await tx.$executeRaw`UPDATE "ConsentPurpose" SET "title" = "title" WHERE "id" = ${purpose.id}`;
    const last = await tx.consentNoticeVersion.findFirst({ where: { purposeId: purpose.id }, orderBy: { version: "desc" }, select: { version: true, textSha256: true } });
    if (last && last.textSha256 === sha256Hex(body.data)) throw new AppError("CONFLICT", `This text is already notice version ${last.version}.`);
    const notice = await insertNotice(tx, purpose.id, (last?.version ?? 0) + 1, body.data);
    await appendAudit(tx, actor, { action: "consent.notice.publish", entityType: "ConsentPurpose", entityId: purpose.id, diff: { key: purpose.key, version: notice.version, textSha256: notice.textSha256 } });
    const notices = await tx.consentNoticeVersion.findMany({ where: { purposeId: purpose.id }, select: NOTICE_SELECT });
    return toDto(purpose, notices);
  });
}

export async function setPurposeRetention(actor: Actor, input: unknown): Promise<ConsentPurposeDto> {
  await requirePermission(actor, "consent:write", { type: "ConsentPurpose" });
  const parsed = retentionSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Check the highlighted fields.", zodDetails(parsed.error.issues));
  return db().$transaction(async (tx) => {
    const before = await tx.consentPurpose.findUnique({ where: { key: parsed.data.purposeKey } });
    if (!before) throw new AppError("NOT_FOUND", `No purpose with the key ${parsed.data.purposeKey}.`);
    const purpose = await tx.consentPurpose.update({ where: { id: before.id }, data: { evidenceRetentionDays: parsed.data.evidenceRetentionDays } });
    await appendAudit(tx, actor, {
      action: "consent.purpose.retention",
      entityType: "ConsentPurpose",
      entityId: purpose.id,
      diff: { key: purpose.key, evidenceRetentionDays: [before.evidenceRetentionDays, purpose.evidenceRetentionDays] },
    });
    const notices = await tx.consentNoticeVersion.findMany({ where: { purposeId: purpose.id }, select: NOTICE_SELECT });
    return toDto(purpose, notices);
  });
}

export async function listPurposes(actor: Actor, archived?: unknown): Promise<ConsentPurposeDto[]> {
  await requirePermission(actor, "consent:read", { type: "ConsentPurpose" });
  const filter = parseSafe(archivedFilterSchema, archived ?? undefined);
  const [purposes, notices] = await Promise.all([
    db().consentPurpose.findMany({ where: archivedWhere(filter), orderBy: { key: "asc" } }),
    db().consentNoticeVersion.findMany({ select: NOTICE_SELECT }),
  ]);
  return purposes.map((p) => toDto(p, notices));
}

export async function getPurpose(actor: Actor, key: string) {
  await requirePermission(actor, "consent:read", { type: "ConsentPurpose" });
  const purpose = await db().consentPurpose.findUnique({ where: { key } });
  if (!purpose) throw new AppError("NOT_FOUND", `No purpose with the key ${key}.`);
  const notices = await db().consentNoticeVersion.findMany({ where: { purposeId: purpose.id }, orderBy: { version: "desc" } });
  return {
    ...toDto(purpose, notices),
    noticeTexts: notices.map((n) => ({ version: n.version, text: n.text, textSha256: n.textSha256, publishedAt: n.publishedAt.toISOString() })),
  };
}
