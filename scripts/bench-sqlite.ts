// Consent ingest benchmark (issue 4 section 7, docs/decisions/200). Runs in-process against a
// fresh SQLite file with the app's settings (WAL journal, synchronous=FULL: every commit is
// fsynced; WAL checkpoints on a worker thread as in the server) and measures, each against
// the raw better-sqlite3 driver in the same run (scripts/bench/raw-baseline.ts):
//   1. batch throughput (100 and 1,000 events per request): the app's ingest as it runs on
//      SQLite (the driver hot path, lib/server/consent/ingest-sqlite.ts), with one client and
//      with 8 concurrent clients (group commit), the Prisma path (forcePrisma) and the raw
//      driver inserting pre-built rows (the ceiling); interleaved rounds, median (min-max);
//   2. once the ledger is loaded (default: the 1M events over 200k subjects),
//      batch-100 throughput again, single-event ingest latency with requests offered at a
//      fixed rate (500/s) and lookup latency at 1,000/s. Requests are started on schedule
//      whether or not earlier ones finished, and latency is counted from the scheduled start
//      (no coordinated omission); in-process, no HTTP (scripts/bench.ts measures that);
//   3. the officer's subject page: state and full history of one subject (a chain walk).
// Usage: npm run bench:sqlite [-- --scale 0.1] [-- --quick]
//        --scale x loads x of the standard volume (default 1: 1M events / 200k subjects);
//        --quick: one round, short runs.
//        Figures: one table, bench/results/<date>-sqlite-inprocess.json. Its PostgreSQL
//        counterpart is scripts/bench-pg.ts; `npm run bench` (scripts/bench.ts) measures over HTTP.
//        BENCH_EVENTS / BENCH_SUBJECTS change the loaded volume; BENCH_SECONDS the length of
//        each paced run (default 5); BENCH_ROUNDS the throughput rounds (default 5);
//        BENCH_NO_CHECKPOINTER=1 leaves checkpoints to the committing thread.
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { generateSecrets, generateSigningKeyPem } from "./local-env.mjs";
import { concurrently, fmt, makeEvents, median, paced, pct, PURPOSES, QUICK, ratio, scaleArg, SECONDS, spread, n0, r1, writeResults } from "./bench/workload";

const SCALE = scaleArg();
const LOAD_EVENTS = Number(process.env.BENCH_EVENTS ?? Math.round(1_000_000 * SCALE));
const LOAD_SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? Math.round(200_000 * SCALE));
/** Fraction of the measured batches in --quick mode. */
const Q = QUICK ? 0.1 : 1;
const batches = (n: number) => Math.max(2, Math.round(n * Q));
const dir = resolve("data/bench");
mkdirSync(dir, { recursive: true });
const stamp = `${Date.now()}_${process.pid}`;
const appFile = resolve(dir, `app_${stamp}.db`);
const rawFile = resolve(dir, `raw_${stamp}.db`);

Object.assign(process.env, { DATABASE_URL: `file:${appFile}`, NODE_ENV: "production", ...generateSecrets(), AUDIT_SIGNING_KEY: generateSigningKeyPem() });
const { migratedFile, openRawBaseline } = await import("./bench/raw-baseline");
for (const f of [appFile, rawFile]) await migratedFile(f);

const { SYSTEM_CLI } = await import("@/lib/server/actor");
const { db, disconnectDb, sqliteHandle } = await import("@/lib/server/db");
const { ingestConsentEvents } = await import("@/lib/server/consent/ingest-events");
const { createPurpose } = await import("@/lib/server/consent/purposes");
const { lookupSubjectConsent } = await import("@/lib/server/consent/subjects");

for (const key of PURPOSES) {
  await createPurpose(SYSTEM_CLI, { key, title: key, lawfulBasis: "consent", saleOrShare: key === "ad_sharing", noticeText: `Notice for ${key}` });
}
await db().$connect();
const appHandle = sqliteHandle()!;
// As the server runs (instrumentation.ts): WAL checkpoints on a worker thread. The raw
// baseline gets the same, so the two are compared under the same I/O pattern.
const { startWalCheckpointer, stopWalCheckpointer } = await import("@/lib/server/sqlite-checkpointer");
if (process.env.BENCH_NO_CHECKPOINTER !== "1") for (const f of [appFile, rawFile]) startWalCheckpointer(f);

let appEvents = 0;

async function appThroughput(batch: number, batches: number, subjects: number, forcePrisma = false) {
  const bodies = Array.from({ length: batches }, () => ({ events: makeEvents(batch, subjects) }));
  const t0 = performance.now();
  for (const body of bodies) await ingestConsentEvents(SYSTEM_CLI, body, { forcePrisma });
  const s = (performance.now() - t0) / 1000;
  appEvents += batch * batches;
  return (batch * batches) / s;
}

const raw = openRawBaseline(rawFile);

console.log(
  `consent ingest benchmark · ${cpus().length} cores · node ${process.version} · SQLite journal=${appHandle.pragma("journal_mode", { simple: true })}, synchronous=${appHandle.pragma("synchronous", { simple: true })} (2 = FULL) · raw: journal=${raw.handle.pragma("journal_mode", { simple: true })}, synchronous=${raw.handle.pragma("synchronous", { simple: true })} · load average ${loadavg()[0]!.toFixed(1)}`,
);

// Warm-up (JIT, statement caches), not reported.
await appThroughput(100, 5, 1000);
await appThroughput(100, 5, 1000, true);
raw.throughput(100, 5, 1000);

// Several clients posting batches of 100 at once: concurrent requests share a commit (group
// commit, docs/decisions/200), so the fsync per request is amortised.
const CLIENTS = 8;
async function concurrentThroughput(batches: number, subjects = 5000) {
  const bodies = Array.from({ length: batches }, () => ({ events: makeEvents(100, subjects) }));
  appEvents += batches * 100;
  return concurrently(bodies, CLIENTS, (body) => ingestConsentEvents(SYSTEM_CLI, body), 100);
}

// The machine is shared and a single short run swings by a third: ROUNDS interleaved rounds,
// reported as median (min-max); ratios are taken between medians.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 5));
const runs = { raw100: [] as number[], app100: [] as number[], orm100: [] as number[], conc100: [] as number[], raw1000: [] as number[], app1000: [] as number[], orm1000: [] as number[] };
for (let r = 0; r < ROUNDS; r++) {
  runs.raw100.push(raw.throughput(100, batches(200), 5000));
  runs.app100.push(await appThroughput(100, batches(200), 5000));
  runs.conc100.push(await concurrentThroughput(batches(200)));
  runs.orm100.push(await appThroughput(100, batches(40), 5000, true));
  runs.raw1000.push(raw.throughput(1000, batches(20), 5000));
  runs.app1000.push(await appThroughput(1000, batches(20), 5000));
  runs.orm1000.push(await appThroughput(1000, batches(5), 5000, true));
}
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
for (let n = 0; n < LOAD_EVENTS; n += 1000) raw.write(raw.prepare(makeEvents(1000, LOAD_SUBJECTS)));
const walMb = (f: string) => (existsSync(`${f}-wal`) ? r1(statSync(`${f}-wal`).size / 1048576) : 0);
console.log(`WAL files after loading: app ${walMb(appFile)} MB · raw ${walMb(rawFile)} MB (limit: journal_size_limit after a WAL restart)`);
console.log(`loaded ${n0(loaded)} events over ${n0(LOAD_SUBJECTS)} subjects in ${r1(appLoadS)} s (app; ${n0(loaded / appLoadS)} events/s in batches of 1,000) · raw file in ${r1((performance.now() - rawLoadStart) / 1000)} s · load average ${loadavg()[0]!.toFixed(1)}`);

// The same batch-100 throughput with the ledger at that volume: each event now touches
// index pages spread over a much larger file, so more pages are written per commit.
const loadedRuns = { raw: [] as number[], app: [] as number[], conc: [] as number[] };
{
  for (let r = 0; r < (QUICK ? 1 : 3); r++) {
    loadedRuns.raw.push(raw.throughput(100, batches(100), LOAD_SUBJECTS));
    loadedRuns.app.push(await appThroughput(100, batches(100), LOAD_SUBJECTS));
    loadedRuns.conc.push(await concurrentThroughput(batches(100), LOAD_SUBJECTS));
  }
  console.log(`batch   100 with the ledger loaded, median (min-max) of 3 rounds: app one client ${spread(loadedRuns.app)} · ${CLIENTS} clients ${spread(loadedRuns.conc)} · raw driver one client ${spread(loadedRuns.raw)} · app/raw ${ratio(loadedRuns.app, loadedRuns.raw)}`);
}

const singles = Array.from({ length: 500 * SECONDS }, () => makeEvents(1, LOAD_SUBJECTS)[0]!);
const single = await paced(500, (i) => ingestConsentEvents(SYSTEM_CLI, singles[i]));
const rawSingles = singles.map((e) => raw.prepare([{ ...e }]));
const rawSingle = await paced(500, (i) => raw.write(rawSingles[i]!));
console.log(`single-event ingest at 500 req/s offered: app ${fmt(single)} · raw driver ${fmt(rawSingle)} (issue: p99 < 25 ms)`);

const ids = Array.from({ length: 1000 * SECONDS }, () => `subject-${Math.floor(Math.random() * LOAD_SUBJECTS * 1.1)}@example.com`); // ~9% unknown
const lookup = await paced(1000, (i) => lookupSubjectConsent(SYSTEM_CLI, ids[i]!));
const rawLookup = await paced(1000, (i) => raw.lookup(ids[i]!));
console.log(`lookup at 1,000 req/s offered: app ${fmt(lookup)} · raw driver ${fmt(rawLookup)} (issue: p99 < 20 ms) · load average ${loadavg()[0]!.toFixed(1)}`);

let history = { p50: 0, p99: 0 };
// The officer's subject page reads the history by walking its chain of links
// (docs/decisions/203) instead of an index on the subject: one subject at a time, as a page does.
{
  const { findSubject, getSubjectDetail } = await import("@/lib/server/consent/subjects");
  const lat: number[] = [];
  let events = 0;
  for (let i = 0; i < (QUICK ? 50 : 500); i++) {
    const found = await findSubject(SYSTEM_CLI, `subject-${Math.floor(Math.random() * LOAD_SUBJECTS)}@example.com`);
    if (!found) continue;
    const t0 = performance.now();
    events += (await getSubjectDetail(SYSTEM_CLI, found.ref)).history.length;
    lat.push(performance.now() - t0);
  }
  console.log(`subject history (state + every event, chain walk), ${lat.length} subjects, ${r1(events / lat.length)} events each on average: p50 ${r1(pct(lat, 50))} ms · p99 ${r1(pct(lat, 99))} ms`);
  history = { p50: r1(pct(lat, 50)), p99: r1(pct(lat, 99)) };
}

const p = (r: { lat: number[]; achieved: number }) => `p50 ${r1(pct(r.lat, 50))} / p99 ${r1(pct(r.lat, 99))} ms, ${n0(r.achieved)}/s done`;
writeResults(
  "sqlite-inprocess",
  [
    ["batch 100, 1 client, events/s (app / raw)", `${n0(median(runs.app100))} / ${n0(median(runs.raw100))} (${ratio(runs.app100, runs.raw100)})`],
    [`batch 100, ${CLIENTS} clients, events/s`, n0(median(runs.conc100))],
    ["batch 100, Prisma path, events/s", n0(median(runs.orm100))],
    ["batch 1,000, events/s (app / raw)", `${n0(median(runs.app1000))} / ${n0(median(runs.raw1000))} (${ratio(runs.app1000, runs.raw1000)})`],
    [`batch 100 at ${n0(loaded)} events loaded (1 / ${CLIENTS} clients / raw)`, `${n0(median(loadedRuns.app))} / ${n0(median(loadedRuns.conc))} / ${n0(median(loadedRuns.raw))}`],
    ["single event at 500/s offered (app)", p(single)],
    ["single event at 500/s offered (raw)", p(rawSingle)],
    ["lookup at 1,000/s offered (app)", p(lookup)],
    ["subject history p50 / p99", `${history.p50} / ${history.p99} ms`],
  ],
  { dialect: "sqlite", mode: "in-process", scale: SCALE, loadedEvents: loaded, subjects: LOAD_SUBJECTS, runs, loadedRuns, single: { p50: r1(pct(single.lat, 50)), p99: r1(pct(single.lat, 99)), done: single.achieved }, lookup: { p50: r1(pct(lookup.lat, 50)), p99: r1(pct(lookup.lat, 99)), done: lookup.achieved }, history },
);

raw.close();
await stopWalCheckpointer();
await disconnectDb();
if (!process.env.BENCH_KEEP) for (const f of [appFile, rawFile]) for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(`${f}${s}`, { force: true });

