import "server-only";
// Security-sensitive: finding a data subject (by exact identifier through the blind index),
// their current state, their history, revealing their identifier (audited) and the proof
// export (audited).
import type BetterSqlite3 from "better-sqlite3";
import { gpcHonoured } from "@/lib/consent/ledger";
import { AppError } from "@/lib/errors";
import { type ConsentStatus, type ConsentSubjectState } from "@/lib/validation/consent";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db, pgPool, sqliteHandle } from "@/lib/server/db";
import { decrypt, lookupHash } from "@/lib/server/keys";
import { SUBJECT_CONTEXT } from "@/lib/server/consent/ingest-events";

const MAX_IDENTIFIER = 256;

/**
 * The machine lookup. An unknown subject gets every purpose as `none`, never a 404, so the
 * lookup cannot be used to learn who exists. Not audited: the caller already holds the
 * identifier and learns only consent states (docs/decisions/201).
 */
export async function lookupSubjectConsent(actor: Actor, identifier: string, opts: { forcePrisma?: boolean } = {}): Promise<ConsentSubjectState> {
  await requirePermission(actor, "consent:read", { type: "ConsentSubject" });
  if (!identifier || identifier.length > MAX_IDENTIFIER) throw new AppError("VALIDATION", `The subject identifier must be 1-${MAX_IDENTIFIER} characters.`);
  // SQLite: three indexed reads straight on Prisma's connection (docs/decisions/200),
  // unless a Prisma transaction is open on it.
  // forcePrisma: tests only, to compare the driver reads with Prisma's.
  const handle = opts.forcePrisma ? null : sqliteHandle();
  if (handle && !handle.inTransaction) return lookupOnSqlite(handle, identifier);
  const pool = opts.forcePrisma ? null : pgPool();
  if (pool) return lookupOnPostgres(pool, identifier);
  const [purposes, subject] = await Promise.all([
    db().consentPurpose.findMany({ select: { id: true, key: true }, orderBy: { key: "asc" } }),
    db().consentSubject.findUnique({ where: { lookup: lookupHash(identifier, SUBJECT_CONTEXT) }, select: { id: true } }),
  ]);
  const states = subject ? await db().consentState.findMany({ where: { subjectId: subject.id } }) : [];
  return subjectState(identifier, purposes, states);
}

type StoredState = { purposeId: string; status: string; updatedAt: Date; gpc: boolean; noticeVersion: number | null };

/** Every purpose with the subject's state in it, `none` where there is none (both paths). */
function subjectState(identifier: string, purposes: { id: string; key: string }[], states: StoredState[]): ConsentSubjectState {
  const byPurpose = new Map(states.map((s) => [s.purposeId, s]));
  return {
    subjectId: identifier,
    purposes: purposes.map((p) => {
      const s = byPurpose.get(p.id);
      return s
        ? { purpose: p.key, status: s.status as ConsentStatus, updatedAt: s.updatedAt.toISOString(), gpc: s.gpc, noticeVersion: s.noticeVersion }
        : { purpose: p.key, status: "none" as const, updatedAt: null, gpc: false, noticeVersion: null };
    }),
  };
}

type LookupStatements = { purposes: BetterSqlite3.Statement; subject: BetterSqlite3.Statement; states: BetterSqlite3.Statement };
const lookupStatements = new WeakMap<BetterSqlite3.Database, LookupStatements>();

/** Same answer as the Prisma reads above; rows as the Prisma SQLite adapter stores them. */
function lookupOnSqlite(h: BetterSqlite3.Database, identifier: string): ConsentSubjectState {
  let st = lookupStatements.get(h);
  if (!st) {
    st = {
      purposes: h.prepare(`SELECT "id", "key" FROM "ConsentPurpose" ORDER BY "key" ASC`).safeIntegers(false),
      subject: h.prepare(`SELECT "id" FROM "ConsentSubject" WHERE "lookup" = ?`).pluck(),
      states: h.prepare(`SELECT "purposeId", "status", "updatedAt", "gpc", "noticeVersion" FROM "ConsentState" WHERE "subjectId" = ?`).safeIntegers(false),
    };
    lookupStatements.set(h, st);
  }
  const purposes = st.purposes.all() as { id: string; key: string }[];
  const subjectId = st.subject.get(lookupHash(identifier, SUBJECT_CONTEXT)) as string | undefined;
  type Row = { purposeId: string; status: string; updatedAt: string | number; gpc: number; noticeVersion: number | null };
  const states = subjectId ? (st.states.all(subjectId) as Row[]) : [];
  return subjectState(identifier, purposes, states.map((s) => ({ ...s, updatedAt: new Date(s.updatedAt), gpc: s.gpc === 1 })));
}

// PostgreSQL: every purpose with the subject's state, in ONE prepared statement (one round
// trip); the time as UTC text, so the pg driver's local-time Date parsing plays no part.
const LOOKUP_PG = `SELECT p."id", p."key", st."status", to_char(st."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt", st."gpc", st."noticeVersion"
  FROM "ConsentPurpose" p
  LEFT JOIN "ConsentState" st ON st."purposeId" = p."id" AND st."subjectId" = (SELECT "id" FROM "ConsentSubject" WHERE "lookup" = $1)
  ORDER BY p."key" ASC`;

/** Same answer as the Prisma reads above. */
async function lookupOnPostgres(pool: NonNullable<ReturnType<typeof pgPool>>, identifier: string): Promise<ConsentSubjectState> {
  type Row = { id: string; key: string; status: string | null; updatedAt: string | null; gpc: boolean | null; noticeVersion: number | null };
  const { rows } = await pool.query<Row>({ name: "consent-lookup", text: LOOKUP_PG, values: [lookupHash(identifier, SUBJECT_CONTEXT)] });
  const states = rows.flatMap((r) => (r.status ? [{ purposeId: r.id, status: r.status, updatedAt: new Date(r.updatedAt!), gpc: !!r.gpc, noticeVersion: r.noticeVersion }] : []));
  return subjectState(identifier, rows, states);
}

/** Start-up self-check (lib/server/consent/hot-path.ts): one driver lookup of nobody, a read. */
export async function checkLookupStatements() {
  const handle = sqliteHandle();
  if (handle) lookupOnSqlite(handle, "self-check");
  const pool = pgPool();
  if (pool) await lookupOnPostgres(pool, "self-check");
}

/** The officer's search: exact identifier -> the subject's internal reference, or null. */
export async function findSubject(actor: Actor, identifier: unknown): Promise<{ ref: string } | null> {
  await requirePermission(actor, "consent:read", { type: "ConsentSubject" });
  if (typeof identifier !== "string" || !identifier.trim() || identifier.length > MAX_IDENTIFIER) {
    throw new AppError("VALIDATION", "Enter the subject's exact identifier.", [{ path: "identifier", message: "is required" }]);
  }
  const subject = await db().consentSubject.findUnique({ where: { lookup: lookupHash(identifier.trim(), SUBJECT_CONTEXT) }, select: { id: true } });
  return subject ? { ref: subject.id } : null;
}

export type SubjectDetail = Awaited<ReturnType<typeof getSubjectDetail>>;

const ID_CHUNK = 5_000; // ids per query, well under both dialects' parameter limits

/** Rows read by id, `ID_CHUNK` ids per query (a subject's history can hold many events). */
async function byIdChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) rows.push(...(await read(ids.slice(i, i + ID_CHUNK))));
  return rows;
}

/**
 * Every event of one subject, newest first. The history is a chain per purpose
 * (docs/decisions/203): the state row names the pair's last event and each event the one
 * recorded before it. UNION (not UNION ALL) drops an id already visited, so even a
 * corrupted link cannot make the walk loop. (Links are not compared by id: two requests
 * received in the same millisecond can get ids that sort the other way round.)
 */
async function subjectHistory(ref: string) {
  const links = await db().$queryRaw<{ id: string }[]>`
    WITH RECURSIVE chain("id") AS (
      SELECT "lastEventId" FROM "ConsentState" WHERE "subjectId" = ${ref}
      UNION
      SELECT e."prevEventId" FROM "ConsentEvent" e JOIN chain c ON e."id" = c."id" WHERE e."prevEventId" IS NOT NULL
    )
    SELECT "id" FROM chain`;
  const events = await byIdChunks(
    links.map((l) => l.id),
    (ids) => db().consentEvent.findMany({ where: { id: { in: ids }, subjectId: ref } }),
  );
  return events.sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** Current state (every purpose) and the full history of one subject. The identifier stays masked. */
export async function getSubjectDetail(actor: Actor, ref: string) {
  await requirePermission(actor, "consent:read", { type: "ConsentSubject", id: ref });
  const subject = await db().consentSubject.findUnique({ where: { id: ref }, select: { id: true, createdAt: true, lastGpcAt: true } });
  if (!subject) throw new AppError("NOT_FOUND", "No such data subject.");
  const [purposes, states, events] = await Promise.all([
    db().consentPurpose.findMany({ orderBy: { key: "asc" }, select: { id: true, key: true, title: true, saleOrShare: true } }),
    db().consentState.findMany({ where: { subjectId: ref } }),
    subjectHistory(ref),
  ]);
  const evidence = await byIdChunks(events.map((e) => e.id), (ids) => db().consentEvidence.findMany({ where: { eventId: { in: ids } } }));
  const evidenceBy = new Map(evidence.map((e) => [e.eventId, e]));
  const purposeBy = new Map(purposes.map((p) => [p.id, p]));
  const stateBy = new Map(states.map((s) => [s.purposeId, s]));
  const noticeRows = await db().consentNoticeVersion.findMany({ where: { purposeId: { in: purposes.map((p) => p.id) } }, select: { purposeId: true, version: true, textSha256: true, publishedAt: true } });
  return {
    ref: subject.id,
    firstSeenAt: subject.createdAt.toISOString(),
    lastGpcAt: subject.lastGpcAt?.toISOString() ?? null,
    current: purposes.map((p) => {
      const s = stateBy.get(p.id);
      const status = (s?.status ?? "none") as ConsentStatus;
      return {
        purpose: p.key,
        title: p.title,
        saleOrShare: p.saleOrShare,
        status,
        updatedAt: s?.updatedAt.toISOString() ?? null,
        gpc: s?.gpc ?? false,
        gpcHonoured: gpcHonoured(status, s?.gpc ?? false),
        noticeVersion: s?.noticeVersion ?? null,
      };
    }),
    history: events.map((e) => {
      const ev = evidenceBy.get(e.id);
      return {
        id: e.id,
        purpose: purposeBy.get(e.purposeId)?.key ?? e.purposeId,
        action: e.action,
        occurredAt: e.occurredAt.toISOString(),
        receivedAt: e.receivedAt.toISOString(),
        noticeVersion: e.noticeVersion,
        noticeSha256: noticeRows.find((n) => n.purposeId === e.purposeId && n.version === e.noticeVersion)?.textSha256 ?? null,
        source: e.source,
        jurisdiction: e.jurisdiction,
        gpc: e.gpc,
        userAgent: ev?.userAgent ?? null,
        ipHash: ev?.ipHash ?? null,
        evidenceRemoved: !!ev?.removedAt,
        evidenceRemovedAt: ev?.removedAt?.toISOString() ?? null,
      };
    }),
  };
}

/** Decrypts a subject's identifier for an officer; audited. */
export async function revealSubjectIdentifier(actor: Actor, ref: string): Promise<string> {
  await requirePermission(actor, "consent:reveal", { type: "ConsentSubject", id: ref });
  return db().$transaction(async (tx) => {
    const subject = await tx.consentSubject.findUnique({ where: { id: ref }, select: { identifier: true } });
    if (!subject) throw new AppError("NOT_FOUND", "No such data subject.");
    await appendAudit(tx, actor, { action: "consent.subject.reveal", entityType: "ConsentSubject", entityId: ref });
    return decrypt(subject.identifier, SUBJECT_CONTEXT);
  });
}

export type ConsentProof = Awaited<ReturnType<typeof buildSubjectProof>>;

/**
 * The proof for one subject (GDPR Art. 7(1): the controller must be able to demonstrate
 * consent): identifier, current state, every event and the hashes of the notice texts.
 * Exporting personal data is audited, in the same transaction that reads the identifier.
 */
export async function buildSubjectProof(actor: Actor, ref: string, format: "json" | "pdf") {
  await requirePermission(actor, "consent:reveal", { type: "ConsentSubject", id: ref });
  const detail = await getSubjectDetail(actor, ref);
  const identifier = await db().$transaction(async (tx) => {
    const subject = await tx.consentSubject.findUnique({ where: { id: ref }, select: { identifier: true } });
    if (!subject) throw new AppError("NOT_FOUND", "No such data subject.");
    await appendAudit(tx, actor, { action: "consent.proof.export", entityType: "ConsentSubject", entityId: ref, diff: { format, events: detail.history.length } });
    return decrypt(subject.identifier, SUBJECT_CONTEXT);
  });
  const notices = await db().consentNoticeVersion.findMany({ select: { purposeId: true, version: true, textSha256: true, publishedAt: true } });
  const purposes = await db().consentPurpose.findMany({ select: { id: true, key: true } });
  const keyOf = new Map(purposes.map((p) => [p.id, p.key]));
  return {
    generatedAt: new Date().toISOString(),
    subjectId: identifier,
    subjectRef: ref,
    firstSeenAt: detail.firstSeenAt,
    lastGpcAt: detail.lastGpcAt,
    current: detail.current,
    events: detail.history,
    notices: notices
      .map((n) => ({ purpose: keyOf.get(n.purposeId) ?? n.purposeId, version: n.version, textSha256: n.textSha256, publishedAt: n.publishedAt.toISOString() }))
      .sort((a, b) => a.purpose.localeCompare(b.purpose) || a.version - b.version),
  };
}
