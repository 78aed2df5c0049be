// The raw better-sqlite3 baseline both benchmarks compare against: the same rows as the
// app's ingest (subject, event, evidence, state upsert, one audit row per transaction) with
// the app's connection settings, written with cached prepared statements from rows built
// outside the timed part (no validation, HMAC or encryption): a ceiling, not an equivalent.
import { createHash, randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { applySqliteSettings } from "@/lib/server/db";
import { ledgerIds, STATE_COLUMNS, STATE_ON_CONFLICT } from "@/lib/server/consent/ingest-shared";
import { makeEvents, type BenchEvent } from "./workload";
import { migrate } from "../harness/databases.mjs";

export function openRawBaseline(file: string) {
  const h = new Database(file, { timeout: 5000 });
  applySqliteSettings(h); // the app's connection settings (lib/server/db.ts)
  const insSubject = h.prepare(`INSERT OR IGNORE INTO "ConsentSubject" (id, lookup, identifier, createdAt) VALUES (?, ?, ?, ?)`);
  const insEvent = h.prepare(
    `INSERT INTO "ConsentEvent" (id, subjectId, purposeId, action, occurredAt, receivedAt, noticeVersion, source, jurisdiction, gpc, batchId, prevEventId) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insEvidence = h.prepare(`INSERT INTO "ConsentEvidence" (eventId, purposeId, receivedAt, userAgent, ipHash) VALUES (?, ?, ?, ?, ?)`);
  // The history link (docs/decisions/203): the pair's head, then the upsert that moves it.
  const stateHead = h.prepare(`SELECT "lastEventId" FROM "ConsentState" WHERE "subjectId" = ? AND "purposeId" = ?`).pluck();
  const upState = h.prepare(`INSERT INTO "ConsentState" (${STATE_COLUMNS}) VALUES (?, ?, ?, ?, 0, 1, ?, ?)${STATE_ON_CONFLICT}`);
  const insAudit = h.prepare(`INSERT INTO "AuditEvent" (seq, at, actorType, action, prevHash, hash) VALUES (?, ?, 'system', 'bench', '', ?)`);
  const subjectByLookup = h.prepare(`SELECT id FROM "ConsentSubject" WHERE lookup = ?`).pluck();
  const states = h.prepare(`SELECT purposeId, status, updatedAt, gpc, noticeVersion FROM "ConsentState" WHERE subjectId = ?`);
  const purposes = h.prepare(`SELECT id, key FROM "ConsentPurpose" ORDER BY key`);

  // Same shapes as the app's rows: a UUID per subject, a 43-character lookup hash, a
  // ciphertext-sized identifier, time-ordered event ids (ledgerIds).
  const subjects = new Map<string, string>();
  const subjectRef = (id: string) => {
    let ref = subjects.get(id);
    if (!ref) subjects.set(id, (ref = randomUUID()));
    return ref;
  };
  const lookupHash = (id: string) => createHash("sha256").update(id).digest("base64url");
  type Row = BenchEvent & { eventId: string; subjectRef: string; lookup: string; identifier: string };
  const prepare = (events: BenchEvent[]): Row[] => {
    const ids = ledgerIds(new Date(), events.length);
    return events.map((e, i) => ({ ...e, eventId: ids[i]!, subjectRef: subjectRef(e.subjectId), lookup: lookupHash(e.subjectId), identifier: `b1:${createHash("sha512").update(e.subjectId).digest("base64")}` }));
  };
  let seq = 0;
  const write = h.transaction((rows: Row[]) => {
    const now = new Date().toISOString();
    insAudit.run(++seq, now, randomUUID());
    for (const r of rows) {
      insSubject.run(r.subjectRef, r.lookup, r.identifier, now);
      const prev = (stateHead.get(r.subjectRef, r.purpose) as string | undefined) ?? null;
      insEvent.run(r.eventId, r.subjectRef, r.purpose, r.action, r.occurredAt, now, 1, r.source, r.jurisdiction, 0, "b", prev);
      insEvidence.run(r.eventId, r.purpose, now, r.evidence.userAgent, r.evidence.ip);
      upState.run(r.subjectRef, r.purpose, r.action === "grant" ? "granted" : "withdrawn", r.occurredAt, r.eventId, r.eventId);
    }
  });

  return {
    handle: h,
    prepare,
    write,
    /** Events per second writing `batches` transactions of `batch` pre-built events. */
    throughput(batch: number, batches: number, subjectCount: number) {
      const prepared = Array.from({ length: batches }, () => prepare(makeEvents(batch, subjectCount)));
      const t0 = performance.now();
      for (const rows of prepared) write(rows);
      return (batch * batches) / ((performance.now() - t0) / 1000);
    },
    /** The lookup's three reads. */
    lookup(identifier: string) {
      const all = purposes.all();
      const subject = subjectByLookup.get(lookupHash(identifier)) as string | undefined;
      return [all, subject ? states.all(subject) : []];
    },
    close: () => h.close(),
  };
}

/** A fresh database file at `file` with the production migrate step (WAL mode). */
export async function migratedFile(file: string) {
  migrate(`file:${file}`);
}
