// Consent ingest on PostgreSQL, in-process (docs/decisions/204): the pg driver hot path
// (lib/server/consent/ingest-postgres.ts) against the Prisma path it replaced (forcePrisma)
// and against raw `pg` multi-row INSERTs of pre-built rows (subject + event per row, no
// validation, HMAC or encryption: a ceiling), all in the same run on a fresh database.
// Measures batch-100 throughput with 8 concurrent clients (interleaved rounds, median
// (min-max)), single-event ingest and lookup latency at fixed offered rates (latency from
// the scheduled start). Prints one table, writes bench/results/<date>-postgresql-inprocess.json.
// Usage: npm run bench:pg [-- --quick]   (PG_BENCH_ADMIN_URL, default
//        postgresql://postgres@127.0.0.1:5432/postgres; BENCH_ROUNDS, default 3; BENCH_SECONDS
//        per paced run, default 5). Exits with 2 when PostgreSQL is not reachable.
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { generateSecrets, generateSigningKeyPem } from "./local-env.mjs";
import { createPgDatabase, migrate } from "./harness/databases.mjs";
import { rawPg } from "./bench/raw-pg";
import { concurrently, makeEvents, median, n0, paced, pct, PURPOSES, QUICK, r1, ratio, spread, writeResults } from "./bench/workload";

const ADMIN = process.env.PG_BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 3));
const Q = QUICK ? 0.1 : 1;
const CLIENTS = 8;
const name = `oversight_bench_${Date.now()}_${process.pid}`;
const admin = new pg.Client({ connectionString: ADMIN, connectionTimeoutMillis: 3000 });
try {
  await admin.connect();
} catch (e) {
  console.log(`PostgreSQL not reachable at ${ADMIN}: ${(e as Error).message}`);
  process.exit(2);
}
await admin.end();
const database = await createPgDatabase(name, { adminUrl: ADMIN });
Object.assign(process.env, { DATABASE_URL: database.url, NODE_ENV: "production", ...generateSecrets(), AUDIT_SIGNING_KEY: generateSigningKeyPem() });
migrate(database.url);

const { SYSTEM_CLI } = await import("@/lib/server/actor");
const { disconnectDb, pgPool } = await import("@/lib/server/db");
const { ingestConsentEvents } = await import("@/lib/server/consent/ingest-events");
const { createPurpose } = await import("@/lib/server/consent/purposes");
const { lookupSubjectConsent } = await import("@/lib/server/consent/subjects");
for (const key of PURPOSES) await createPurpose(SYSTEM_CLI, { key, title: key, lawfulBasis: "consent", saleOrShare: key === "ad_sharing", noticeText: `Notice for ${key}` });
const pool = pgPool()!;
const purposeIds = (await pool.query<{ id: string }>(`SELECT "id" FROM "ConsentPurpose" ORDER BY "key"`)).rows.map((r) => r.id);

const app = (forcePrisma: boolean) => (batches: number) =>
  concurrently(Array.from({ length: batches }, () => ({ events: makeEvents(100, 20_000) })), CLIENTS, (body) => ingestConsentEvents(SYSTEM_CLI, body, { forcePrisma }), 100);

const raw = (batches: number) => rawPg(pool, purposeIds, "insert", batches, CLIENTS);

console.log(`consent ingest on PostgreSQL (in-process) · ${cpus().length} cores · node ${process.version} · pool ${pool.options.max} · load average ${loadavg()[0]!.toFixed(1)}`);
await app(false)(10);
await app(true)(10);
await raw(10);
const runs = { driver: [] as number[], prisma: [] as number[], raw: [] as number[] };
for (let r = 0; r < ROUNDS; r++) {
  runs.raw.push(await raw(Math.round(100 * Q)));
  runs.driver.push(await app(false)(Math.round(100 * Q)));
  runs.prisma.push(await app(true)(Math.round(40 * Q)));
}
console.log(`batch 100, ${CLIENTS} clients, events/s: driver hot path ${spread(runs.driver)} · Prisma path ${spread(runs.prisma)} · raw pg ${spread(runs.raw)} · driver/raw ${ratio(runs.driver, runs.raw)} · driver/Prisma ${r1(median(runs.driver) / median(runs.prisma))}x`);

const one = (forcePrisma: boolean) => (i: number) => ingestConsentEvents(SYSTEM_CLI, { subjectId: `single-${i}-${forcePrisma}@example.com`, purpose: PURPOSES[i % 3]!, action: "grant" }, { forcePrisma });
const latency = (r: { lat: number[]; achieved: number }) => ({ p50: r1(pct(r.lat, 50)), p99: r1(pct(r.lat, 99)), done: Math.round(r.achieved) });
const single = {} as Record<string, ReturnType<typeof latency>>;
for (const rate of [200, 500]) {
  single[`driver@${rate}`] = latency(await paced(rate, one(false)));
  single[`prisma@${rate}`] = latency(await paced(rate, one(true)));
}
const lookup = latency(await paced(1000, (i) => lookupSubjectConsent(SYSTEM_CLI, `subject-${i % 20_000}@example.com`)));
for (const [k, v] of Object.entries(single)) console.log(`single event, ${k} req/s offered: p50 ${v.p50} ms · p99 ${v.p99} ms · ${v.done} req/s done`);
console.log(`lookup at 1,000 req/s offered: p50 ${lookup.p50} ms · p99 ${lookup.p99} ms · ${lookup.done} req/s done`);

const row = (v: ReturnType<typeof latency>) => `p50 ${v.p50} / p99 ${v.p99} ms, ${v.done}/s done`;
writeResults(
  "postgresql-inprocess",
  [
    [`batch 100, ${CLIENTS} clients, events/s (driver / Prisma / raw pg)`, `${n0(median(runs.driver))} / ${n0(median(runs.prisma))} / ${n0(median(runs.raw))} (driver/raw ${ratio(runs.driver, runs.raw)})`],
    ...Object.entries(single).map(([k, v]): [string, string] => [`single event, ${k.replace("@", " at ")}/s offered`, row(v)]),
    ["lookup at 1,000/s offered", row(lookup)],
  ],
  { dialect: "postgresql", mode: "in-process", pool: pool.options.max, batch100: runs, single, lookup },
);
await disconnectDb();
await database.drop();
