// Consent ingest benchmark (issue 4 section 7, docs/decisions/200). Runs in-process against a
// fresh SQLite file with the app's settings (WAL journal, synchronous=FULL: every commit is
// fsynced) and measures, each against the raw better-sqlite3 driver in the same run:
//   1. batch throughput (100 and 1,000 events per request): the app's ingest as it runs on
//      SQLite (the driver hot path, lib/server/consent/ingest-sqlite.ts), the Prisma path
//      (forcePrisma) and the raw driver inserting pre-built rows (the ceiling);
//   2. once the ledger is loaded (default: the 1M events over 200k subjects),
//      single-event ingest latency with requests offered at a fixed rate (500/s) and
//      lookup latency at 1,000/s. Requests are started on schedule whether or not earlier
//      ones finished, and latency is counted from the scheduled start (no coordinated
//      omission); in-process, no HTTP.
// Usage: node --conditions=react-server --import tsx scripts/bench.ts
//        BENCH_EVENTS / BENCH_SUBJECTS change the loaded volume; BENCH_SECONDS the length of
//        each paced run (default 5).
import { execFileSync } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import Database from "better-sqlite3";

const LOAD_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const LOAD_SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 200_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
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
for (const url of [`file:${appFile}`, `file:${rawFile}`]) {
  // The production migrate step (it also puts the file in WAL mode).
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}

const { SYSTEM_CLI } = await import("@/lib/server/actor");
const { db, disconnectDb, sqliteHandle, WAL_AUTOCHECKPOINT_PAGES } = await import("@/lib/server/db");
const { ledgerIds } = await import("@/lib/server/consent/ingest-shared");
const { ingestConsentEvents } = await import("@/lib/server/consent/ingest-events");
const { createPurpose } = await import("@/lib/server/consent/purposes");
const { lookupSubjectConsent } = await import("@/lib/server/consent/subjects");

const PURPOSES = ["marketing_email", "analytics", "ad_sharing"];
for (const key of PURPOSES) {
  await createPurpose(SYSTEM_CLI, { key, title: key, lawfulBasis: "consent", saleOrShare: key === "ad_sharing", noticeText: `Notice for ${key}` });
}
await db().$connect();
const appHandle = sqliteHandle()!;
// As the server runs (instrumentation.ts): WAL checkpoints on a worker thread. The raw
// baseline gets the same, so the two are compared under the same I/O pattern.
const { startWalCheckpointer, stopWalCheckpointer } = await import("@/lib/server/sqlite-checkpointer");
if (process.env.BENCH_NO_CHECKPOINTER !== "1") for (const f of [appFile, rawFile]) startWalCheckpointer(f);

let counter = 0;
let appEvents = 0;
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
const n0 = (x: number) => Math.round(x).toLocaleString("en-US");

async function appThroughput(batch: number, batches: number, subjects: number, forcePrisma = false) {
  const bodies = Array.from({ length: batches }, () => ({ events: makeEvents(batch, subjects) }));
  const t0 = performance.now();
  for (const body of bodies) await ingestConsentEvents(SYSTEM_CLI, body, { forcePrisma });
  const s = (performance.now() - t0) / 1000;
  appEvents += batch * batches;
  return (batch * batches) / s;
}

// The raw driver on its own file and connection, with the app's connection settings
// (lib/server/db.ts: durability, in-memory savepoint journal, WAL checkpoint interval).
const dbRaw = new Database(rawFile, { timeout: 5000 });
dbRaw.pragma("synchronous = FULL");
dbRaw.pragma("temp_store = MEMORY");
dbRaw.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
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
// Same shapes as the app's rows: a UUID per subject, a 43-character lookup hash, a
// ciphertext-sized identifier, time-ordered event ids (ledgerIds).
const rawSubjects = new Map<string, string>();
const rawSubjectRef = (id: string) => {
  let ref = rawSubjects.get(id);
  if (!ref) rawSubjects.set(id, (ref = randomUUID()));
  return ref;
};
const rawLookupHash = (id: string) => createHash("sha256").update(id).digest("base64url");
const rawSubject = dbRaw.prepare(`SELECT id FROM "ConsentSubject" WHERE lookup = ?`).pluck();
const rawStates = dbRaw.prepare(`SELECT purposeId, status, updatedAt, gpc, noticeVersion FROM "ConsentState" WHERE subjectId = ?`);
const rawPurposes = dbRaw.prepare(`SELECT id, key FROM "ConsentPurpose" ORDER BY key`);
let seq = 0;
type RawRow = ReturnType<typeof makeEvents>[number] & { eventId: string; subjectRef: string; lookup: string; identifier: string };
const prepareRaw = (events: ReturnType<typeof makeEvents>): RawRow[] => {
  const ids = ledgerIds(new Date(), events.length);
  return events.map((e, i) => ({ ...e, eventId: ids[i]!, subjectRef: rawSubjectRef(e.subjectId), lookup: rawLookupHash(e.subjectId), identifier: `b1:${createHash("sha512").update(e.subjectId).digest("base64")}` }));
};
const rawWrite = dbRaw.transaction((rows: RawRow[]) => {
  const now = new Date().toISOString();
  insAudit.run(++seq, now, randomUUID());
  for (const r of rows) {
    insSubject.run(r.subjectRef, r.lookup, r.identifier, now);
    insEvent.run(r.eventId, r.subjectRef, r.purpose, r.action, r.occurredAt, now, 1, r.source, r.jurisdiction, 0, "b");
    insEvidence.run(r.eventId, r.purpose, now, r.evidence.userAgent, r.evidence.ip);
    upState.run(r.subjectRef, r.purpose, r.action === "grant" ? "granted" : "withdrawn", r.occurredAt, r.eventId);
  }
});

function rawThroughput(batch: number, batches: number, subjects: number) {
  // Rows prepared outside the timed part: no validation, no crypto. A ceiling, not an equivalent.
  const prepared = Array.from({ length: batches }, () => prepareRaw(makeEvents(batch, subjects)));
  const t0 = performance.now();
  for (const rows of prepared) rawWrite(rows);
  return (batch * batches) / ((performance.now() - t0) / 1000);
}

/**
 * Offers `rate` requests per second for SECONDS: each request starts at its scheduled time
 * (or as soon as the event loop is free after it), and its latency counts from the
 * scheduled time, so a stall shows up in every request it delayed.
 */
async function paced(rate: number, call: (i: number) => unknown): Promise<{ lat: number[]; achieved: number }> {
  const total = rate * SECONDS;
  const interval = 1000 / rate;
  const lat: number[] = [];
  const pending: Promise<unknown>[] = [];
  const t0 = performance.now();
  let i = 0;
  while (i < total) {
    const now = performance.now();
    while (i < total && t0 + i * interval <= now) {
      const scheduled = t0 + i * interval;
      const idx = i++;
      pending.push(Promise.resolve().then(() => call(idx)).then(() => void lat.push(performance.now() - scheduled)));
    }
    await new Promise((r) => setTimeout(r, Math.max(0, t0 + i * interval - performance.now() - 0.2)));
  }
  await Promise.all(pending);
  return { lat, achieved: total / ((performance.now() - t0) / 1000) };
}
const fmt = (r: { lat: number[]; achieved: number }) => `p50 ${r1(pct(r.lat, 50))} ms · p99 ${r1(pct(r.lat, 99))} ms · max ${r1(Math.max(...r.lat))} ms (${n0(r.achieved)} req/s done)`;

console.log(
  `consent ingest benchmark · ${cpus().length} cores · node ${process.version} · SQLite journal=${appHandle.pragma("journal_mode", { simple: true })}, synchronous=${appHandle.pragma("synchronous", { simple: true })} (2 = FULL) · raw: journal=${dbRaw.pragma("journal_mode", { simple: true })}, synchronous=${dbRaw.pragma("synchronous", { simple: true })} · load average ${loadavg()[0]!.toFixed(1)}`,
);

// Warm-up (JIT, statement caches), not reported.
await appThroughput(100, 5, 1000);
await appThroughput(100, 5, 1000, true);
rawThroughput(100, 5, 1000);

// Several clients posting batches of 100 at once: concurrent requests share a commit (group
// commit, docs/decisions/200), so the fsync per request is amortised.
const CLIENTS = 8;
async function concurrentThroughput(batches: number, subjects = 5000) {
  const bodies = Array.from({ length: batches }, () => ({ events: makeEvents(100, subjects) }));
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (next < bodies.length) await ingestConsentEvents(SYSTEM_CLI, bodies[next++]);
  }));
  appEvents += batches * 100;
  return (batches * 100) / ((performance.now() - t0) / 1000);
}

// The machine is shared and a single short run swings by a third: ROUNDS interleaved rounds,
// reported as median (min-max); ratios are taken between medians.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]) => `${n0(median(xs))} (${n0(Math.min(...xs))}-${n0(Math.max(...xs))})`;
const runs = { raw100: [] as number[], app100: [] as number[], orm100: [] as number[], conc100: [] as number[], raw1000: [] as number[], app1000: [] as number[], orm1000: [] as number[] };
for (let r = 0; r < ROUNDS; r++) {
  runs.raw100.push(rawThroughput(100, 200, 5000));
  runs.app100.push(await appThroughput(100, 200, 5000));
  runs.conc100.push(await concurrentThroughput(200));
  runs.orm100.push(await appThroughput(100, 40, 5000, true));
  runs.raw1000.push(rawThroughput(1000, 20, 5000));
  runs.app1000.push(await appThroughput(1000, 20, 5000));
  runs.orm1000.push(await appThroughput(1000, 5, 5000, true));
}
const ratio = (a: number[], b: number[]) => `${r1((median(a) / median(b)) * 100)}%`;
console.log(`throughput, events/s, median (min-max) of ${ROUNDS} rounds:`);
console.log(`batch   100, one client:  app (driver hot path) ${spread(runs.app100)} · Prisma path ${spread(runs.orm100)} · raw driver ${spread(runs.raw100)} · app/raw ${ratio(runs.app100, runs.raw100)}`);
console.log(`batch   100, ${CLIENTS} clients:    app (driver hot path, group commit) ${spread(runs.conc100)} · app/raw (raw: one client) ${ratio(runs.conc100, runs.raw100)}`);
console.log(`batch 1,000, one client:  app (driver hot path) ${spread(runs.app1000)} · Prisma path ${spread(runs.orm1000)} · raw driver ${spread(runs.raw1000)} · app/raw ${ratio(runs.app1000, runs.raw1000)}`);
console.log(`(issue target: batch 100 >= 25,000 events/s)`);

// Load the ledger to the requested volume (through the app's hot path; the raw file gets
// the same volume so its reads see an index of the same size).
const loadStart = performance.now();
let loaded = appEvents;
while (loaded < LOAD_EVENTS) {
  const n = Math.min(1000, LOAD_EVENTS - loaded);
  await ingestConsentEvents(SYSTEM_CLI, { events: makeEvents(n, LOAD_SUBJECTS) });
  loaded += n;
}
const appLoadS = (performance.now() - loadStart) / 1000;
const rawLoadStart = performance.now();
for (let n = 0; n < LOAD_EVENTS; n += 1000) rawWrite(prepareRaw(makeEvents(1000, LOAD_SUBJECTS)));
console.log(`loaded ${n0(loaded)} events over ${n0(LOAD_SUBJECTS)} subjects in ${r1(appLoadS)} s (app; ${n0(loaded / appLoadS)} events/s in batches of 1,000) · raw file in ${r1((performance.now() - rawLoadStart) / 1000)} s · load average ${loadavg()[0]!.toFixed(1)}`);

// The same batch-100 throughput with the ledger at that volume: each event now touches
// index pages spread over a much larger file, so more pages are written per commit.
{
  const loadedRuns = { raw: [] as number[], app: [] as number[], conc: [] as number[] };
  for (let r = 0; r < 3; r++) {
    loadedRuns.raw.push(rawThroughput(100, 100, LOAD_SUBJECTS));
    loadedRuns.app.push(await appThroughput(100, 100, LOAD_SUBJECTS));
    loadedRuns.conc.push(await concurrentThroughput(100, LOAD_SUBJECTS));
  }
  console.log(`batch   100 with the ledger loaded, median (min-max) of 3 rounds: app one client ${spread(loadedRuns.app)} · ${CLIENTS} clients ${spread(loadedRuns.conc)} · raw driver one client ${spread(loadedRuns.raw)} · app/raw ${ratio(loadedRuns.app, loadedRuns.raw)}`);
}

const singles = Array.from({ length: 500 * SECONDS }, () => makeEvents(1, LOAD_SUBJECTS)[0]!);
const single = await paced(500, (i) => ingestConsentEvents(SYSTEM_CLI, singles[i]));
const rawSingles = singles.map((e) => prepareRaw([{ ...e }]));
const rawSingle = await paced(500, (i) => rawWrite(rawSingles[i]!));
console.log(`single-event ingest at 500 req/s offered: app ${fmt(single)} · raw driver ${fmt(rawSingle)} (issue: p99 < 25 ms)`);

const ids = Array.from({ length: 1000 * SECONDS }, () => `subject-${Math.floor(Math.random() * LOAD_SUBJECTS * 1.1)}@example.com`); // ~9% unknown
const lookup = await paced(1000, (i) => lookupSubjectConsent(SYSTEM_CLI, ids[i]!));
const rawLookup = await paced(1000, (i) => {
  const purposes = rawPurposes.all();
  const subject = rawSubject.get(rawLookupHash(ids[i]!)) as string | undefined;
  return [purposes, subject ? rawStates.all(subject) : []];
});
console.log(`lookup at 1,000 req/s offered: app ${fmt(lookup)} · raw driver ${fmt(rawLookup)} (issue: p99 < 20 ms) · load average ${loadavg()[0]!.toFixed(1)}`);

dbRaw.close();
await stopWalCheckpointer();
await disconnectDb();
if (!process.env.BENCH_KEEP) for (const f of [appFile, rawFile]) for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(`${f}${s}`, { force: true });
