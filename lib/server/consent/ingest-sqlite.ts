import "server-only";
// Security-sensitive: the consent ingest on SQLite, directly on the better-sqlite3
// connection Prisma uses (docs/decisions/200, 203). A request is validated (pure) and its
// purposes and Idempotency-Key record read synchronously; its write (audit event with the
// same fields as appendAudit, subjects, events, evidence, current state, Idempotency-Key
// record) then joins the next group commit: ONE better-sqlite3 transaction for the requests
// queued meanwhile, each in its own savepoint, so each request is still all-or-nothing.
// Nothing awaits inside a transaction, so no Prisma query or transaction can run in between,
// and no transaction is started while a Prisma transaction is open on the connection. Rows
// are exactly what the Prisma path writes (tests/db/consent/hot-path.test.ts compares them).
import { randomUUID } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";
import { ACTION_STATUS, chainLinks, latestPerPair, type LedgerEvent, type PurposeInfo } from "@/lib/consent/ledger";
import { AppError } from "@/lib/errors";
import type { ConsentIngestResult } from "@/lib/validation/consent";
import type { Actor } from "@/lib/server/actor";
import { appendAuditOnSqlite, sqliteDateTime } from "@/lib/server/audit/append";
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
  type BatchPlan,
  type IngestOptions,
  type IngestResponse,
  type PurposeRow,
} from "@/lib/server/consent/ingest-shared";

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<BetterSqlite3.Database, Statements>();

// The adapter sets defaultSafeIntegers(true) on the connection (integers read as BigInt);
// the reads here turn it off per statement: the values are small (versions, flags, status).
function prepare(h: BetterSqlite3.Database) {
  return {
    priorIdempotency: h.prepare(`SELECT "requestHash", "status", "responseBody" FROM "IdempotencyRecord" WHERE "scope" = ? AND "key" = ?`).safeIntegers(false),
    purposes: h.prepare(`SELECT "id", "key", "saleOrShare" FROM "ConsentPurpose" WHERE "key" IN (SELECT value FROM json_each(?)) OR "saleOrShare" = 1`).safeIntegers(false),
    versions: h.prepare(`SELECT "purposeId", "version" FROM "ConsentNoticeVersion" WHERE "purposeId" IN (SELECT value FROM json_each(?))`).safeIntegers(false),
    subjectByLookup: h.prepare(`SELECT "id" FROM "ConsentSubject" WHERE "lookup" = ?`).pluck(),
    insertSubject: h.prepare(`INSERT INTO "ConsentSubject" ("id", "lookup", "identifier", "createdAt") VALUES (?, ?, ?, ?)`),
    insertEvent: h.prepare(
      `INSERT INTO "ConsentEvent" ("id", "subjectId", "purposeId", "action", "occurredAt", "receivedAt", "noticeVersion", "source", "jurisdiction", "gpc", "batchId", "prevEventId") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertEvidence: h.prepare(`INSERT INTO "ConsentEvidence" ("eventId", "purposeId", "receivedAt", "userAgent", "ipHash") VALUES (?, ?, ?, ?, ?)`),
    lastGpc: h.prepare(`UPDATE "ConsentSubject" SET "lastGpcAt" = ? WHERE "id" = ? AND ("lastGpcAt" IS NULL OR "lastGpcAt" < ?)`),
    stateHead: h.prepare(`SELECT "lastEventId" FROM "ConsentState" WHERE "subjectId" = ? AND "purposeId" = ?`).pluck(),
    upsertState: h.prepare(`INSERT INTO "ConsentState" (${STATE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)${STATE_ON_CONFLICT}`),
    insertIdempotency: h.prepare(
      `INSERT INTO "IdempotencyRecord" ("id", "scope", "key", "requestHash", "status", "responseBody", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

/** Start-up self-check (lib/server/consent/hot-path.ts): preparing a statement checks it against the schema. */
export function checkSqliteStatements(h: BetterSqlite3.Database) {
  statements(h);
}

function statements(h: BetterSqlite3.Database): Statements {
  let st = cache.get(h);
  if (!st) cache.set(h, (st = prepare(h)));
  return st;
}

function loadPurposes(st: Statements, keys: string[]): Map<string, PurposeInfo> {
  const rows = (st.purposes.all(JSON.stringify(keys)) as { id: string; key: string; saleOrShare: number }[]).map((r): PurposeRow => ({ ...r, saleOrShare: r.saleOrShare === 1 }));
  const versions = rows.length ? (st.versions.all(JSON.stringify(rows.map((r) => r.id))) as { purposeId: string; version: number }[]) : [];
  return purposeMap(rows, versions);
}

/**
 * Validates the request synchronously on `h` (the caller checked `!h.inTransaction`), then
 * queues its write for the next group commit. Resolves once the write is committed.
 * Validation errors, an Idempotency-Key replay or conflict are answered at once.
 */
export function ingestOnSqlite(h: BetterSqlite3.Database, actor: Actor, body: unknown, opts: IngestOptions, hash: string | null): Promise<IngestResponse> {
  const st = statements(h);
  if (opts.idempotency && hash) {
    const prior = st.priorIdempotency.get(opts.idempotency.scope, opts.idempotency.key) as { requestHash: string; status: number; responseBody: string } | undefined;
    if (prior) {
      if (prior.requestHash !== hash) throw new AppError("CONFLICT", "This Idempotency-Key was already used with a different request body.");
      return Promise.resolve({ status: prior.status, body: JSON.parse(prior.responseBody) as ConsentIngestResult, replayed: true });
    }
  }
  const raw = eventsOfBody(body);
  const now = opts.now ?? new Date();
  const plan = planBatch(raw, loadPurposes(st, purposeKeysOf(raw)), opts, now);
  const status = INGEST_STATUS;
  const write = () => {
    appendAuditOnSqlite(h, actor, plan.audit);
    writeEvents(st, plan);
    if (opts.idempotency && hash) {
      st.insertIdempotency.run(randomUUID(), opts.idempotency.scope, opts.idempotency.key, hash, status, JSON.stringify(plan.result), sqliteDateTime(new Date()));
    }
  };
  return new Promise<void>((resolve, reject) => enqueue(h, { write, events: plan.events.length, resolve, reject })).then(
    () => ({ status, body: plan.result, replayed: false }),
    (e: unknown) => {
      if (opts.idempotency && isUniqueViolation(e)) throw new AppError("IDEMPOTENCY_IN_FLIGHT", "A request with this Idempotency-Key is already being processed; retry shortly to get its response.");
      throw e;
    },
  );
}

// Group commit. Each commit costs an fsync (synchronous=FULL), which bounds a one-request-
// per-transaction ingest at the disk's commit rate. Requests that arrive while a commit is
// under way are written together in the next transaction, each in its own SAVEPOINT with
// its own audit event and Idempotency-Key record: a request that fails rolls back only its
// own rows, and nobody is answered before the commit that holds their rows is on disk.
type Job = { write: () => void; events: number; resolve: () => void; reject: (e: unknown) => void };
const MAX_GROUP_EVENTS = 2_000;
const queues = new WeakMap<BetterSqlite3.Database, { jobs: Job[]; scheduled: boolean }>();

function enqueue(h: BetterSqlite3.Database, job: Job) {
  let q = queues.get(h);
  if (!q) queues.set(h, (q = { jobs: [], scheduled: false }));
  q.jobs.push(job);
  if (!q.scheduled) {
    q.scheduled = true;
    const queue = q;
    setImmediate(() => flush(h, queue));
  }
}

function flush(h: BetterSqlite3.Database, q: { jobs: Job[]; scheduled: boolean }) {
  if (!h.open) {
    q.scheduled = false;
    for (const job of q.jobs.splice(0)) job.reject(new Error("The database connection was closed before the consent events were written."));
    return;
  }
  // A Prisma interactive transaction opened on the connection since these were queued:
  // a transaction started now would nest inside it. Wait for it to end.
  if (h.inTransaction) {
    setTimeout(() => flush(h, q), 1);
    return;
  }
  const group: Job[] = [];
  let events = 0;
  while (q.jobs.length && (group.length === 0 || events + q.jobs[0]!.events <= MAX_GROUP_EVENTS)) {
    const job = q.jobs.shift()!;
    events += job.events;
    group.push(job);
  }
  const failed = new Map<Job, unknown>();
  let commitError: unknown = null;
  try {
    // IMMEDIATE: take the write lock up front (waiting up to the busy timeout for another
    // process, e.g. the admin CLI), rather than failing to upgrade a read snapshot.
    h.transaction(() => {
      // A group of one needs no savepoint: its failure rolls back the whole transaction,
      // which is exactly its own rows (and a savepoint journals every page it touches).
      if (group.length === 1) return group[0]!.write();
      for (const job of group) {
        try {
          h.transaction(job.write)(); // nested: a SAVEPOINT, rolled back alone on error
        } catch (e) {
          failed.set(job, e);
        }
      }
    }).immediate();
  } catch (e) {
    commitError = e ?? new Error("commit failed"); // nothing of the group is written
  }
  for (const job of group) {
    if (commitError) job.reject(commitError);
    else if (failed.has(job)) job.reject(failed.get(job));
    else job.resolve();
  }
  if (q.jobs.length) setImmediate(() => flush(h, q));
  else q.scheduled = false;
}

function isUniqueViolation(e: unknown) {
  const code = !!e && typeof e === "object" ? (e as { code?: unknown }).code : undefined;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** Same rows, same order of work as writeEvents in ingest-events.ts. */
function writeEvents(st: Statements, { events, batchId, receivedAt }: BatchPlan) {
  const received = sqliteDateTime(receivedAt);
  const subjects = new Map<string, string>();
  for (const identifier of new Set(events.map((e) => e.subjectId))) {
    const lookup = lookupHash(identifier, SUBJECT_CONTEXT);
    let id = st.subjectByLookup.get(lookup) as string | undefined;
    if (!id) {
      id = randomUUID();
      st.insertSubject.run(id, lookup, encrypt(identifier, SUBJECT_CONTEXT), received);
    }
    subjects.set(identifier, id);
  }
  const ids = ledgerIds(receivedAt, events.length);
  const withRows: LedgerEvent[] = events.map((e) => ({ ...e, subjectId: subjects.get(e.subjectId)! }));
  // The stored head of each pair's history chain (docs/decisions/203), read once per pair;
  // the read also brings the state row's page into the cache for the upsert below.
  const { prev, heads } = chainLinks(withRows, ids, (subjectId, purposeId) => (st.stateHead.get(subjectId, purposeId) as string | undefined) ?? null);
  withRows.forEach((e, i) => {
    st.insertEvent.run(ids[i], e.subjectId, e.purposeId, e.action, sqliteDateTime(e.occurredAt), received, e.noticeVersion, e.source, e.jurisdiction, e.gpc ? 1 : 0, batchId, prev[i]);
  });
  const ipHash = ipHasher((ip) => lookupHash(ip, IP_CONTEXT));
  events.forEach((e, i) => {
    if (e.userAgent || e.ip) st.insertEvidence.run(ids[i], e.purposeId, received, e.userAgent?.slice(0, 512) ?? null, ipHash(e.ip));
  });
  for (const [id, at] of latestGpcPerSubject(events, subjects)) {
    const t = sqliteDateTime(at);
    st.lastGpc.run(t, id, t);
  }
  for (const [key, { index, event: e }] of latestPerPair(withRows)) {
    st.upsertState.run(e.subjectId, e.purposeId, ACTION_STATUS[e.action], sqliteDateTime(e.occurredAt), e.gpc ? 1 : 0, e.noticeVersion, ids[index], ids[heads.get(key)!]);
  }
}
