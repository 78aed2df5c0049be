import "server-only";
// Security-sensitive: what both ingest paths (Prisma, and the SQLite driver hot path;
// docs/decisions/200) share, so they validate, name and record a batch identically.
import { randomBytes, randomUUID } from "node:crypto";
import { applyGpc, validateEvents, type LedgerEvent, type PurposeInfo } from "@/lib/consent/ledger";
import { AppError } from "@/lib/errors";
import { MAX_BATCH, type ConsentIngestResult, type ConsentSource } from "@/lib/validation/consent";
import type { AuditInput } from "@/lib/server/audit/append";

export const SUBJECT_CONTEXT = "consent.subject";
export const IP_CONTEXT = "consent.evidence.ip";
export const INGEST_STATUS = 201;
/** PostgreSQL: the advisory-lock namespace of consent subjects (any constant). */
export const SUBJECT_LOCK_SPACE = 7_263_002;

export type IngestOptions = {
  /** The request carried `Sec-GPC: 1`. */
  requestGpc?: boolean;
  /** Evidence of the request itself (used for events that bring none). */
  userAgent?: string | null;
  ip?: string | null;
  source?: ConsentSource;
  /** Idempotency-Key: scoped to the caller; stored in the same transaction as the events. */
  idempotency?: { scope: string; key: string };
  now?: Date;
  /** Tests and the benchmark only: the Prisma reference path (ingest-prisma.ts, docs/decisions/204). */
  forcePrisma?: boolean;
};

export type IngestResponse = { status: number; body: ConsentIngestResult; replayed: boolean };

/** Splits the documented body shapes: one event, or `{ events: [...] }` (max 1,000). */
export function eventsOfBody(body: unknown): unknown[] {
  if (body && typeof body === "object" && !Array.isArray(body) && "events" in body) {
    const events = (body as { events: unknown }).events;
    if (!Array.isArray(events)) throw new AppError("VALIDATION", "'events' must be an array of consent events.");
    if (events.length === 0) throw new AppError("VALIDATION", "'events' is empty; send at least one event.");
    if (events.length > MAX_BATCH) throw new AppError("VALIDATION", `A batch holds at most ${MAX_BATCH} events; this one has ${events.length}. Split it.`);
    if (Object.keys(body).length > 1) throw new AppError("VALIDATION", "A batch body holds only 'events'.");
    return events;
  }
  return [body];
}

/** The purpose keys a body names (to load them before validation). */
export function purposeKeysOf(raw: unknown[]): string[] {
  return [...new Set(raw.map((e) => (e && typeof e === "object" && typeof (e as { purpose?: unknown }).purpose === "string" ? (e as { purpose: string }).purpose : "")).filter(Boolean))];
}

export type PurposeRow = { id: string; key: string; saleOrShare: boolean };

export function purposeMap(rows: PurposeRow[], versions: { purposeId: string; version: number }[]): Map<string, PurposeInfo> {
  const map = new Map<string, PurposeInfo>();
  for (const r of rows) {
    const vs = versions.filter((v) => v.purposeId === r.id).map((v) => v.version);
    map.set(r.key, { id: r.id, key: r.key, saleOrShare: r.saleOrShare, versions: new Set(vs), currentVersion: vs.length ? Math.max(...vs) : null });
  }
  return map;
}

export type BatchPlan = { events: LedgerEvent[]; batchId: string; receivedAt: Date; result: ConsentIngestResult; audit: AuditInput };

/** Validates a whole batch (pure; throws VALIDATION naming every bad index) and applies GPC. */
export function planBatch(raw: unknown[], purposes: Map<string, PurposeInfo>, opts: IngestOptions, now: Date): BatchPlan {
  const receivedAt = new Date(Math.floor(now.getTime()));
  const checked = validateEvents(raw, { purposes, now, defaultSource: opts.source ?? "api", requestEvidence: { userAgent: opts.userAgent ?? null, ip: opts.ip ?? null } });
  if (!checked.ok) {
    const n = checked.errors.length;
    throw new AppError("VALIDATION", `${n} of ${raw.length} event${raw.length === 1 ? " is" : "s are"} invalid; nothing was recorded.`, checked.errors);
  }
  const salePurposes = [...purposes.values()].filter((p) => p.saleOrShare);
  const events = applyGpc(checked.events, salePurposes, !!opts.requestGpc);
  const batchId = randomUUID();
  const result: ConsentIngestResult = {
    batchId,
    accepted: checked.events.length,
    gpcOptOuts: events.filter((e) => e.derivedFromGpc).length,
    receivedAt: receivedAt.toISOString(),
  };
  const audit: AuditInput = {
    action: "consent.events.ingest",
    entityType: "ConsentBatch",
    entityId: batchId,
    diff: { events: result.accepted, gpcOptOuts: result.gpcOptOuts, purposes: [...new Set(events.map((e) => e.purposeKey))].sort(), gpcHeader: !!opts.requestGpc },
  };
  return { events, batchId, receivedAt, result, audit };
}

/**
 * Event ids sort in recording order (time received, then position in the request), so the
 * history of events with the same occurrence time reads in the order they were recorded.
 * One random suffix per batch (not per event) keeps ids of batches received in the same
 * millisecond apart; the position keeps a batch's own ids apart.
 */
export function ledgerIds(receivedAt: Date, count: number): string[] {
  const time = receivedAt.getTime().toString(16).padStart(12, "0");
  const suffix = randomBytes(8).toString("hex");
  return Array.from({ length: count }, (_, i) => `${time}${i.toString(16).padStart(4, "0")}${suffix}`);
}

/**
 * The ConsentState upsert's conflict clause, shared by both ingest paths. The pair's head
 * (lastEventId) always moves to the event recorded last; the state itself only to an event
 * not older than it (replacesState in lib/consent/ledger.ts). Both dialects evaluate every
 * right-hand side against the stored row, so the CASEs all see the old "updatedAt".
 */
const NEWER = `excluded."updatedAt" >= "ConsentState"."updatedAt"`;
export const STATE_COLUMNS = `"subjectId", "purposeId", "status", "updatedAt", "gpc", "noticeVersion", "eventId", "lastEventId"`;
export const STATE_ON_CONFLICT = ` ON CONFLICT ("subjectId", "purposeId") DO UPDATE SET "lastEventId" = excluded."lastEventId", ${["status", "updatedAt", "gpc", "noticeVersion", "eventId"]
  .map((c) => `"${c}" = CASE WHEN ${NEWER} THEN excluded."${c}" ELSE "ConsentState"."${c}" END`)
  .join(", ")}`;

/**
 * The evidence IP's keyed hash, computed once per distinct IP of a batch: the events of one
 * request usually share the request's IP, and each HMAC costs ~2 µs on the hot path.
 */
export function ipHasher(hash: (ip: string) => string) {
  const seen = new Map<string, string>();
  return (ip: string | null): string | null => {
    if (!ip) return null;
    let h = seen.get(ip);
    if (h === undefined) seen.set(ip, (h = hash(ip)));
    return h;
  };
}

/** The latest GPC signal per subject row in a batch, so "GPC honoured" can be checked later. */
export function latestGpcPerSubject(events: LedgerEvent[], subjects: Map<string, string>): Map<string, Date> {
  const gpcAt = new Map<string, Date>();
  for (const e of events) {
    if (!e.gpc) continue;
    const id = subjects.get(e.subjectId)!;
    const cur = gpcAt.get(id);
    if (!cur || e.occurredAt > cur) gpcAt.set(id, e.occurredAt);
  }
  return gpcAt;
}
