// Consent ingest benchmark (issue 4, docs/decisions/200). Runs in-process against a fresh
// SQLite file with the app's default (durable: rollback journal, synchronous=FULL)
// settings, and measures in the same run:
//   1. the app's ingest path (lib/server/consent/ingest-events.ts: validation, blind index,
//      encryption, subjects, events, evidence, current state, audit event, one transaction)
//      for batches of 1,000 and of 100;
//   2. the raw better-sqlite3 driver doing equivalent inserts (subjects, events, evidence,
//      state upserts) in one transaction, rows prepared beforehand: the ceiling;
//   3. single-event ingest latency and lookup latency (p50/p99) once the ledger is loaded.
// Usage: node --conditions=react-server --import tsx scripts/bench.ts
//        BENCH_EVENTS=1000000 BENCH_SUBJECTS=200000 to load the full volume.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import Database from "better-sqlite3";

const LOAD_EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const LOAD_SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 20_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 500);
const dir = resolve("data/bench");
mkdirSync(dir, { recursive: true });
const stamp = `${Date.now()}_${process.pid}`;
const appFile = resolve(dir, `app_${stamp}.db`);
const rawFile = resolve(dir, `raw_${stamp}.db`);

Object.assign(process.env, {
  DATABASE_URL: `file:${appFile}`,
  NODE_ENV: "production",
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  FIELD_ENCRYPTION_KEYS: `b1:${randomBytes(32).toString("base64")}`,
  BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
  AUDIT_CHECKPOINT_KEY: randomBytes(32).toString("base64"),
});
const WAL = process.env.BENCH_WAL === "1";
for (const url of [`file:${appFile}`, `file:${rawFile}`]) {
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  // BENCH_WAL=1: what the app would get from WAL (persistent in the file; synchronous stays
  // FULL, so each commit is still fsynced: durable). Not the app's current setting.
  if (WAL) new Database(url.slice("file:".length)).pragma("journal_mode = WAL");
}

const { SYSTEM_CLI } = await import("@/lib/server/actor");
const { disconnectDb } = await import("@/lib/server/db");
const { ingestConsentEvents } = await import("@/lib/server/consent/ingest-events");
const { createPurpose } = await import("@/lib/server/consent/purposes");
const { lookupSubjectConsent } = await import("@/lib/server/consent/subjects");

const PURPOSES = ["marketing_email", "analytics", "ad_sharing"];
for (const key of PURPOSES) {
  await createPurpose(SYSTEM_CLI, { key, title: key, lawfulBasis: "consent", saleOrShare: key === "ad_sharing", noticeText: `Notice for ${key}` });
}

let counter = 0;
let appEvents = 0;
let seq = 0; // raw baseline audit seq
function makeEvents(n: number, subjects: number) {
  return Array.from({ length: n }, () => {
    const i = counter++;
    return {
      subjectId: `subject-${(i * 7919) % subjects}@example.com`,
      purpose: PURPOSES[i % PURPOSES.length]!,
      action: i % 4 === 0 ? "withdraw" : "grant",
      occurredAt: new Date(Date.now() - (i % 86_400) * 1000).toISOString(),
      source: "banner",
      jurisdiction: i % 2 ? "FR" : "US-CA",
      evidence: { userAgent: "Mozilla/5.0 (bench)", ip: `198.51.100.${i % 250}` },
    };
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

async function ormThroughput(batch: number, batches: number, subjects: number) {
  const bodies = Array.from({ length: batches }, () => ({ events: makeEvents(batch, subjects) }));
  const t0 = performance.now();
  for (const body of bodies) await ingestConsentEvents(SYSTEM_CLI, body);
  const s = (performance.now() - t0) / 1000;
  appEvents += batch * batches;
  return (batch * batches) / s;
}

function rawThroughput(batch: number, batches: number, subjects: number) {
  const dbRaw = new Database(rawFile, { timeout: 5000 });
  const insSubject = dbRaw.prepare(`INSERT OR IGNORE INTO "ConsentSubject" (id, lookup, identifier, createdAt) VALUES (?, ?, ?, ?)`);
  const insEvent = dbRaw.prepare(
    `INSERT INTO "ConsentEvent" (id, subjectId, purposeId, action, occurredAt, receivedAt, noticeVersion, source, jurisdiction, gpc, batchId) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insEvidence = dbRaw.prepare(`INSERT INTO "ConsentEvidence" (eventId, purposeId, receivedAt, userAgent, ipHash) VALUES (?, ?, ?, ?, ?)`);
  const upState = dbRaw.prepare(
    `INSERT INTO "ConsentState" (subjectId, purposeId, status, updatedAt, gpc, noticeVersion, eventId) VALUES (?, ?, ?, ?, 0, 1, ?)
     ON CONFLICT (subjectId, purposeId) DO UPDATE SET status = excluded.status, updatedAt = excluded.updatedAt, eventId = excluded.eventId WHERE excluded.updatedAt >= "ConsentState".updatedAt`,
  );
  const insAudit = dbRaw.prepare(`INSERT INTO "AuditEvent" (seq, at, actorType, action, prevHash, hash) VALUES (?, ?, 'system', 'bench', '', ?)`);
  // Rows prepared outside the timed part, as the ORM path's pure work is not what this measures.
  const prepared = Array.from({ length: batches }, () =>
    makeEvents(batch, subjects).map((e) => {
      const lookup = createHash("sha256").update(e.subjectId).digest("base64url");
      return { ...e, eventId: randomUUID(), subjectRef: lookup.slice(0, 24), lookup, identifier: `enc:${e.subjectId}` };
    }),
  );

  const write = dbRaw.transaction((rows: (typeof prepared)[number]) => {
    const now = new Date().toISOString();
    insAudit.run(++seq, now, randomUUID());
    for (const r of rows) {
      insSubject.run(r.subjectRef, r.lookup, r.identifier, now);
      insEvent.run(r.eventId, r.subjectRef, r.purpose, r.action, r.occurredAt, now, 1, r.source, r.jurisdiction, 0, "b");
      insEvidence.run(r.eventId, r.purpose, now, r.evidence.userAgent, r.evidence.ip);
      upState.run(r.subjectRef, r.purpose, r.action === "grant" ? "granted" : "withdrawn", r.occurredAt, r.eventId);
    }
  });
  const t0 = performance.now();
  for (const rows of prepared) write(rows);
  const s = (performance.now() - t0) / 1000;
  dbRaw.close();
  return (batch * batches) / s;
}

console.log(`consent ingest benchmark · ${cpus().length} cores · node ${process.version} · SQLite (journal=${WAL ? "wal" : "delete"}, synchronous=full) · load average ${loadavg()[0]!.toFixed(1)}`);

// Warm-up (JIT, statement caches), not reported.
await ormThroughput(100, 5, 1000);
rawThroughput(100, 5, 1000);

const orm1000 = await ormThroughput(1000, 10, 5000);
const raw1000 = rawThroughput(1000, 10, 5000);
const orm100 = await ormThroughput(100, 50, 5000);
const raw100 = rawThroughput(100, 50, 5000);
console.log(`batch 1,000: app ${Math.round(orm1000)} events/s · raw driver ${Math.round(raw1000)} events/s · ratio ${r1((orm1000 / raw1000) * 100)}%`);
console.log(`batch   100: app ${Math.round(orm100)} events/s · raw driver ${Math.round(raw100)} events/s · ratio ${r1((orm100 / raw100) * 100)}% (issue target: 25,000 events/s)`);

// Load the ledger to the requested volume, then measure latencies.
const loadStart = performance.now();
let loaded = appEvents;
while (loaded < LOAD_EVENTS) {
  const n = Math.min(1000, LOAD_EVENTS - loaded);
  await ingestConsentEvents(SYSTEM_CLI, { events: makeEvents(n, LOAD_SUBJECTS) });
  loaded += n;
}
console.log(`loaded ~${loaded} events over ${LOAD_SUBJECTS} subjects in ${r1((performance.now() - loadStart) / 1000)} s`);

const single: number[] = [];
for (let i = 0; i < SAMPLES; i++) {
  const [e] = makeEvents(1, LOAD_SUBJECTS);
  const t = performance.now();
  await ingestConsentEvents(SYSTEM_CLI, e);
  single.push(performance.now() - t);
}
const singleThroughput = 1000 / (single.reduce((a, b) => a + b, 0) / single.length);
console.log(`single-event ingest: p50 ${r1(pct(single, 50))} ms · p99 ${r1(pct(single, 99))} ms · sequential capacity ~${Math.round(singleThroughput)} req/s (issue: p99 < 25 ms at 500 req/s)`);

const lookups: number[] = [];
for (let i = 0; i < SAMPLES * 2; i++) {
  const id = `subject-${Math.floor(Math.random() * LOAD_SUBJECTS * 1.1)}@example.com`; // ~9% unknown
  const t = performance.now();
  await lookupSubjectConsent(SYSTEM_CLI, id);
  lookups.push(performance.now() - t);
}
const lookupThroughput = 1000 / (lookups.reduce((a, b) => a + b, 0) / lookups.length);
console.log(`lookup: p50 ${r1(pct(lookups, 50))} ms · p99 ${r1(pct(lookups, 99))} ms · sequential capacity ~${Math.round(lookupThroughput)} req/s (issue: p99 < 20 ms at 1,000 req/s)`);

await disconnectDb();
if (!process.env.BENCH_KEEP) for (const f of [appFile, rawFile]) for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(`${f}${s}`, { force: true });
