import "server-only";
// Security-sensitive: the consent ingest on PostgreSQL, on the `pg` pool Prisma itself uses
// (docs/decisions/204). A request is validated (pure, shared with SQLite: planBatch); its
// write is ONE transaction of four round trips whatever the batch size: BEGIN, the subject
// locks, one read of the batch's subjects and history heads, ONE data-modifying statement
// (audit event, new subjects, events, evidence, lastGpcAt, state upsert, Idempotency-Key
// record: multi-row via unnest of array parameters, a named prepared statement), COMMIT.
// The audit event is an audit row in the same transaction, as appendAudit writes it. Rows
// are exactly what the Prisma path writes (tests/db/consent/hot-path-postgres.test.ts).
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { ACTION_STATUS, chainLinks, latestPerPair, pairKey, type LedgerEvent, type PurposeInfo } from "@/lib/consent/ledger";
import { AppError } from "@/lib/errors";
import type { ConsentIngestResult } from "@/lib/validation/consent";
import type { Actor } from "@/lib/server/actor";
import { auditEventFields } from "@/lib/server/audit/append";
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
  type BatchPlan,
  type IngestOptions,
  type IngestResponse,
} from "@/lib/server/consent/ingest-shared";

/** A timestamp(3) parameter: the UTC wall time, as Prisma's adapter stores DateTime. */
export function pgDateTime(d: Date): string {
  return d.toISOString().slice(0, 23);
}

const PURPOSES = `SELECT p."id", p."key", p."saleOrShare", COALESCE(array_agg(v."version") FILTER (WHERE v."version" IS NOT NULL), '{}') AS "versions"
  FROM "ConsentPurpose" p LEFT JOIN "ConsentNoticeVersion" v ON v."purposeId" = p."id"
  WHERE p."key" = ANY($1::text[]) OR p."saleOrShare" GROUP BY p."id"`;
const PRIOR = `SELECT "requestHash", "status", "responseBody" FROM "IdempotencyRecord" WHERE "scope" = $1 AND "key" = $2`;
// Sorted, so two batches sharing subjects cannot deadlock (the Prisma path's lockSubjects).
const LOCK = `SELECT pg_advisory_xact_lock($1::int, hashtext(k)) FROM (SELECT unnest($2::text[]) AS k ORDER BY 1) AS s`;
const HEADS = `SELECT s."lookup", s."id", st."purposeId", st."lastEventId" FROM "ConsentSubject" s
  LEFT JOIN "ConsentState" st ON st."subjectId" = s."id" WHERE s."lookup" = ANY($1::text[])`;
// One statement for the whole write. New subjects get their lastGpcAt on insert (what the
// Prisma path's insert-then-update leaves); existing ones are updated only to a later
// signal. Foreign keys are checked at the end of the statement, so events may reference
// subjects inserted by a sibling CTE.
const WRITE = `WITH
  a AS (INSERT INTO "AuditEvent" ("at", "actorType", "actorId", "actorLabel", "action", "entityType", "entityId", "diff", "ip")
        VALUES ($1::timestamp(3), $2, $3, $4, $5, $6, $7, $8, $9) RETURNING "id"),
  s AS (INSERT INTO "ConsentSubject" ("id", "lookup", "identifier", "createdAt", "lastGpcAt")
        SELECT * FROM unnest($10::text[], $11::text[], $12::text[], $13::timestamp(3)[], $14::timestamp(3)[])),
  e AS (INSERT INTO "ConsentEvent" ("id", "subjectId", "purposeId", "action", "occurredAt", "receivedAt", "noticeVersion", "source", "jurisdiction", "gpc", "batchId", "prevEventId")
        SELECT * FROM unnest($15::text[], $16::text[], $17::text[], $18::text[], $19::timestamp(3)[], $20::timestamp(3)[], $21::int[], $22::text[], $23::text[], $24::boolean[], $25::text[], $26::text[])),
  v AS (INSERT INTO "ConsentEvidence" ("eventId", "purposeId", "receivedAt", "userAgent", "ipHash")
        SELECT * FROM unnest($27::text[], $28::text[], $29::timestamp(3)[], $30::text[], $31::text[])),
  g AS (UPDATE "ConsentSubject" c SET "lastGpcAt" = u."at" FROM unnest($32::text[], $33::timestamp(3)[]) AS u("id", "at")
        WHERE c."id" = u."id" AND (c."lastGpcAt" IS NULL OR c."lastGpcAt" < u."at")),
  st AS (INSERT INTO "ConsentState" (${STATE_COLUMNS})
        SELECT * FROM unnest($34::text[], $35::text[], $36::text[], $37::timestamp(3)[], $38::boolean[], $39::int[], $40::text[], $41::text[])${STATE_ON_CONFLICT}),
  i AS (INSERT INTO "IdempotencyRecord" ("id", "scope", "key", "requestHash", "status", "responseBody", "createdAt")
        SELECT $42, $43, $44, $45, $46::int, $47, $48::timestamp(3) WHERE $43::text IS NOT NULL)
  SELECT "id" FROM a`;

async function loadPurposes(pool: pg.Pool, keys: string[]): Promise<Map<string, PurposeInfo>> {
  const { rows } = await pool.query<{ id: string; key: string; saleOrShare: boolean; versions: number[] }>({ name: "consent-purposes", text: PURPOSES, values: [keys] });
  return purposeMap(rows, rows.flatMap((r) => r.versions.map((version) => ({ purposeId: r.id, version }))));
}

export async function ingestOnPostgres(pool: pg.Pool, actor: Actor, body: unknown, opts: IngestOptions, hash: string | null): Promise<IngestResponse> {
  const raw = eventsOfBody(body);
  const idem = opts.idempotency && hash ? opts.idempotency : null;
  // The two reads go out on two pooled connections at once: one round trip of latency.
  const [prior, purposes] = await Promise.all([
    idem ? pool.query<{ requestHash: string; status: number; responseBody: string }>({ name: "consent-prior", text: PRIOR, values: [idem.scope, idem.key] }) : null,
    loadPurposes(pool, purposeKeysOf(raw)),
  ]);
  const found = prior?.rows[0];
  if (found) {
    if (found.requestHash !== hash) throw new AppError("CONFLICT", "This Idempotency-Key was already used with a different request body.");
    return { status: found.status, body: JSON.parse(found.responseBody) as ConsentIngestResult, replayed: true };
  }
  const plan = planBatch(raw, purposes, opts, opts.now ?? new Date());
  const status = INGEST_STATUS;
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    await write(client, actor, plan, idem && hash ? { ...idem, hash, status } : null);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch((r: Error) => (broken = r));
    if (idem && (e as { code?: string }).code === "23505" && /Idempotency/.test((e as { constraint?: string }).constraint ?? "")) {
      throw new AppError("IDEMPOTENCY_IN_FLIGHT", "A request with this Idempotency-Key is already being processed; retry shortly to get its response.");
    }
    throw e;
  } finally {
    client.release(broken);
  }
  return { status, body: plan.result, replayed: false };
}

type Idem = { scope: string; key: string; hash: string; status: number };

/** Same rows, same values as writeEvents in ingest-events.ts (the Prisma path). */
async function write(client: pg.PoolClient, actor: Actor, { events, batchId, receivedAt, result, audit }: BatchPlan, idem: Idem | null) {
  const identifiers = [...new Set(events.map((e) => e.subjectId))];
  const lookups = identifiers.map((id) => lookupHash(id, SUBJECT_CONTEXT));
  await client.query({ name: "consent-lock", text: LOCK, values: [SUBJECT_LOCK_SPACE, lookups] });
  const { rows } = await client.query<{ lookup: string; id: string; purposeId: string | null; lastEventId: string | null }>({ name: "consent-heads", text: HEADS, values: [lookups] });
  const byLookup = new Map(rows.map((r) => [r.lookup, r.id]));
  const stored = new Map(rows.filter((r) => r.purposeId).map((r) => [pairKey(r.id, r.purposeId!), r.lastEventId]));

  const received = pgDateTime(receivedAt);
  const subjects = new Map<string, string>();
  const fresh = { id: [] as string[], lookup: [] as string[], identifier: [] as string[] };
  identifiers.forEach((identifier, i) => {
    let id = byLookup.get(lookups[i]!);
    if (!id) {
      id = randomUUID();
      fresh.id.push(id);
      fresh.lookup.push(lookups[i]!);
      fresh.identifier.push(encrypt(identifier, SUBJECT_CONTEXT));
    }
    subjects.set(identifier, id);
  });
  const gpc = latestGpcPerSubject(events, subjects);
  const isFresh = new Set(fresh.id);
  const freshGpc = fresh.id.map((id) => (gpc.has(id) ? pgDateTime(gpc.get(id)!) : null));
  const laterGpc = [...gpc].filter(([id]) => !isFresh.has(id));

  const ids = ledgerIds(receivedAt, events.length);
  const withRows: LedgerEvent[] = events.map((e) => ({ ...e, subjectId: subjects.get(e.subjectId)! }));
  const links = chainLinks(withRows, ids, (subjectId, purposeId) => stored.get(pairKey(subjectId, purposeId)) ?? null);
  const ipHash = ipHasher((ip) => lookupHash(ip, IP_CONTEXT));
  const evidence = events.flatMap((e, i) => (e.userAgent || e.ip ? [{ id: ids[i]!, purposeId: e.purposeId, ua: e.userAgent?.slice(0, 512) ?? null, ip: ipHash(e.ip) }] : []));
  const states = [...latestPerPair(withRows)].map(([key, { index, event: e }]) => ({ e, eventId: ids[index]!, head: ids[links.heads.get(key)!]! }));
  const f = auditEventFields(actor, audit);

  await client.query({
    name: "consent-write",
    text: WRITE,
    values: [
      pgDateTime(f.at), f.actorType, f.actorId, f.actorLabel, f.action, f.entityType, f.entityId, f.diff, f.ip,
      fresh.id, fresh.lookup, fresh.identifier, fresh.id.map(() => received), freshGpc,
      ids, withRows.map((e) => e.subjectId), withRows.map((e) => e.purposeId), withRows.map((e) => e.action), withRows.map((e) => pgDateTime(e.occurredAt)),
      ids.map(() => received), withRows.map((e) => e.noticeVersion), withRows.map((e) => e.source), withRows.map((e) => e.jurisdiction), withRows.map((e) => e.gpc),
      ids.map(() => batchId), links.prev,
      evidence.map((r) => r.id), evidence.map((r) => r.purposeId), evidence.map(() => received), evidence.map((r) => r.ua), evidence.map((r) => r.ip),
      laterGpc.map(([id]) => id), laterGpc.map(([, at]) => pgDateTime(at)),
      states.map((s) => s.e.subjectId), states.map((s) => s.e.purposeId), states.map((s) => ACTION_STATUS[s.e.action]), states.map((s) => pgDateTime(s.e.occurredAt)),
      states.map((s) => s.e.gpc), states.map((s) => s.e.noticeVersion), states.map((s) => s.eventId), states.map((s) => s.head),
      idem ? randomUUID() : null, idem?.scope ?? null, idem?.key ?? null, idem?.hash ?? null, idem?.status ?? null, idem ? JSON.stringify(result) : null, pgDateTime(new Date()),
    ],
  });
}

/**
 * Start-up self-check (lib/server/consent/hot-path.ts): every statement of this path is
 * planned against the live schema with EXPLAIN (which does not run the writes), so a
 * migration that renamed or dropped a column they name stops the server at start-up with
 * the statement's error instead of failing the first ingest.
 */
export async function checkPostgresStatements(pool: pg.Pool) {
  const now = pgDateTime(new Date());
  const none: never[] = [];
  const writeValues = [now, "system", null, null, "check", null, null, null, null, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, null, null, null, null, null, null, now];
  for (const [text, values] of [
    [PURPOSES, [none]],
    [PRIOR, ["", ""]],
    [LOCK, [SUBJECT_LOCK_SPACE, none]],
    [HEADS, [none]],
    [WRITE, writeValues],
  ] as const) {
    await pool.query(`EXPLAIN ${text}`, values as unknown[]);
  }
}
