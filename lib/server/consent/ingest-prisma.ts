import "server-only";
// Security-sensitive: the consent ingest through Prisma's interactive transaction. Since
// docs/decisions/204 NO production request takes this path: each dialect ingests on its
// driver (ingest-sqlite.ts, ingest-postgres.ts). It is kept as the readable REFERENCE the
// driver paths are compared with row for row (tests/db/consent/hot-path.test.ts,
// atomicity.test.ts) and measured against (npm run bench, bench:pg), reached only with
// `forcePrisma`. The same multi-row SQL runs inside the Prisma transaction with its audit
// event (appendAudit), so it writes exactly what the driver paths must write.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { ACTION_STATUS, chainLinks, latestPerPair, pairKey, type LedgerEvent, type PurposeInfo } from "@/lib/consent/ledger";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { db, dialect, type Tx } from "@/lib/server/db";
import { encrypt, lookupHash } from "@/lib/server/keys";
import {
  eventsOfBody,
  INGEST_STATUS,
  IP_CONTEXT,
  ipHasher,
  latestGpcPerSubject,
  ledgerIds,
  planBatch,
  purposeKeysOf,
  purposeMap,
  STATE_COLUMNS,
  STATE_ON_CONFLICT,
  SUBJECT_CONTEXT,
  SUBJECT_LOCK_SPACE,
  type IngestOptions,
  type IngestResponse,
} from "@/lib/server/consent/ingest-shared";
import type { ConsentIngestResult } from "@/lib/validation/consent";

const INSERT_CHUNK = 500;

/** Purposes the batch names, plus every sale/sharing purpose (for GPC), with their notice versions. */
async function loadPurposes(keys: string[]): Promise<Map<string, PurposeInfo>> {
  const rows = await db().consentPurpose.findMany({ where: { OR: [{ key: { in: keys } }, { saleOrShare: true }] }, select: { id: true, key: true, saleOrShare: true } });
  const versions = rows.length ? await db().consentNoticeVersion.findMany({ where: { purposeId: { in: rows.map((r) => r.id) } }, select: { purposeId: true, version: true } }) : [];
  return purposeMap(rows, versions);
}

/** The reference ingest (see the top of this file); `hash` is the request's Idempotency-Key hash. */
export async function ingestWithPrisma(actor: Actor, body: unknown, opts: IngestOptions, hash: string | null): Promise<IngestResponse> {
  if (opts.idempotency && hash) {
    const prior = await db().idempotencyRecord.findUnique({ where: { scope_key: opts.idempotency } });
    if (prior) {
      if (prior.requestHash !== hash) throw new AppError("CONFLICT", "This Idempotency-Key was already used with a different request body.");
      return { status: prior.status, body: JSON.parse(prior.responseBody) as ConsentIngestResult, replayed: true };
    }
  }

  const raw = eventsOfBody(body);
  const now = opts.now ?? new Date();
  const purposes = await loadPurposes(purposeKeysOf(raw));
  const { events, batchId, receivedAt, result, audit } = planBatch(raw, purposes, opts, now);
  const status = INGEST_STATUS;

  try {
    await db().$transaction(
      async (tx) => {
        await appendAudit(tx, actor, audit);
        await writeEvents(tx, events, batchId, receivedAt);
        if (opts.idempotency && hash) {
          await tx.idempotencyRecord.create({ data: { ...opts.idempotency, requestHash: hash, status, responseBody: JSON.stringify(result) } });
        }
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  } catch (e) {
    if (opts.idempotency && isUniqueViolation(e)) throw new AppError("IDEMPOTENCY_IN_FLIGHT", "A request with this Idempotency-Key is already being processed; retry shortly to get its response.");
    throw e;
  }
  return { status, body: result, replayed: false };
}

function isUniqueViolation(e: unknown) {
  return !!e && typeof e === "object" && (e as { code?: unknown }).code === "P2002";
}

/** Resolves (or creates) the subject rows of a batch: returns identifier -> subject row id. */
async function resolveSubjects(tx: Tx, identifiers: string[], receivedAt: Date): Promise<Map<string, string>> {
  const byLookup = new Map(identifiers.map((id) => [lookupHash(id, SUBJECT_CONTEXT), id]));
  await lockSubjects(tx, [...byLookup.keys()]);
  const existing = await tx.consentSubject.findMany({ where: { lookup: { in: [...byLookup.keys()] } }, select: { id: true, lookup: true } });
  const ids = new Map<string, string>();
  for (const s of existing) ids.set(byLookup.get(s.lookup)!, s.id);
  const missing = [...byLookup].filter(([, identifier]) => !ids.has(identifier));
  const rows = missing.map(([lookup, identifier]) => {
    const id = randomUUID();
    ids.set(identifier, id);
    return Prisma.sql`(${id}, ${lookup}, ${encrypt(identifier, SUBJECT_CONTEXT)}, ${receivedAt})`;
  });
  await insertRows(tx, Prisma.sql`INSERT INTO "ConsentSubject" ("id", "lookup", "identifier", "createdAt") VALUES `, rows);
  return ids;
}

/**
 * PostgreSQL: a transaction lock per subject (by its blind index), so two ingests that
 * share a subject run its find-or-create and its history heads one after the other, while
 * ingests for other subjects go on in parallel. Taken in sorted order, so two batches
 * cannot deadlock. SQLite has one writer and needs none. (A hash collision only makes two
 * subjects wait for each other.)
 */
async function lockSubjects(tx: Tx, lookups: string[]) {
  if (dialect() !== "postgresql" || lookups.length === 0) return;
  const sorted = [...lookups].sort();
  // $executeRaw: the locks return void, which the query path cannot deserialise.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SUBJECT_LOCK_SPACE}::int, hashtext(k)) FROM (SELECT unnest(${sorted}::text[]) AS k ORDER BY 1) AS s`;
}

/**
 * Multi-row INSERTs through the transaction's raw path, in chunks well under both
 * dialects' bound-parameter limits. Prisma's createMany costs ~10x more per row here
 * (measured, docs/decisions/200); the raw path still runs inside the same Prisma
 * transaction as the audit event, and the driver adapter maps Date/boolean per dialect.
 */
async function insertRows(tx: Tx, head: Prisma.Sql, rows: Prisma.Sql[], tail: Prisma.Sql = Prisma.empty) {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.$executeRaw`${head}${Prisma.join(rows.slice(i, i + INSERT_CHUNK), ", ")}${tail}`;
  }
}

async function writeEvents(tx: Tx, events: LedgerEvent[], batchId: string, receivedAt: Date) {
  const subjects = await resolveSubjects(tx, [...new Set(events.map((e) => e.subjectId))], receivedAt);
  const ids = ledgerIds(receivedAt, events.length);
  const withRows = events.map((e) => ({ ...e, subjectId: subjects.get(e.subjectId)! }));
  // The stored head of each pair's history chain (docs/decisions/203). Ingests do not
  // interleave on a subject: on PostgreSQL the subject locks taken in resolveSubjects
  // serialise them, on SQLite the write lock does, so no other request moves a head
  // between this read and the upsert.
  const heads = await tx.consentState.findMany({ where: { subjectId: { in: [...new Set(subjects.values())] } }, select: { subjectId: true, purposeId: true, lastEventId: true } });
  const stored = new Map(heads.map((h) => [pairKey(h.subjectId, h.purposeId), h.lastEventId]));
  const links = chainLinks(withRows, ids, (subjectId, purposeId) => stored.get(pairKey(subjectId, purposeId)) ?? null);
  await insertRows(
    tx,
    Prisma.sql`INSERT INTO "ConsentEvent" ("id", "subjectId", "purposeId", "action", "occurredAt", "receivedAt", "noticeVersion", "source", "jurisdiction", "gpc", "batchId", "prevEventId") VALUES `,
    withRows.map((e, i) => Prisma.sql`(${ids[i]}, ${e.subjectId}, ${e.purposeId}, ${e.action}, ${e.occurredAt}, ${receivedAt}, ${e.noticeVersion}, ${e.source}, ${e.jurisdiction}, ${e.gpc}, ${batchId}, ${links.prev[i]})`),
  );

  const ipHash = ipHasher((ip) => lookupHash(ip, IP_CONTEXT));
  const evidence = events.flatMap((e, i) =>
    e.userAgent || e.ip ? [Prisma.sql`(${ids[i]}, ${e.purposeId}, ${receivedAt}, ${e.userAgent?.slice(0, 512) ?? null}, ${ipHash(e.ip)})`] : [],
  );
  await insertRows(tx, Prisma.sql`INSERT INTO "ConsentEvidence" ("eventId", "purposeId", "receivedAt", "userAgent", "ipHash") VALUES `, evidence);

  for (const [id, at] of latestGpcPerSubject(events, subjects)) {
    await tx.consentSubject.updateMany({ where: { id, OR: [{ lastGpcAt: null }, { lastGpcAt: { lt: at } }] }, data: { lastGpcAt: at } });
  }

  // One upsert per subject and purpose: the batch's latest event for the pair sets the
  // state if it is not older than the stored one; the pair's last event is its new head.
  // Prisma.raw takes only the two constant SQL fragments of ingest-shared.ts, no input.
  await insertRows(
    tx,
    Prisma.sql`INSERT INTO "ConsentState" (${Prisma.raw(STATE_COLUMNS)}) VALUES `,
    [...latestPerPair(withRows)].map(
      ([key, { index, event: e }]) => Prisma.sql`(${e.subjectId}, ${e.purposeId}, ${ACTION_STATUS[e.action]}, ${e.occurredAt}, ${e.gpc}, ${e.noticeVersion}, ${ids[index]}, ${ids[links.heads.get(key)!]})`,
    ),
    Prisma.raw(STATE_ON_CONFLICT),
  );
}
