// `npm run bench` (issue 14 item 3): the production server on the standard dataset, per
// dialect (SQLite, then PostgreSQL when reachable; BENCH_PG=0 skips it), measured from a
// load generator in a separate process (scripts/bench/load.ts, autocannon):
//   fresh database -> migrate -> seed at --scale -> production build when sources changed
//   (the stamp `npm start` and the e2e suite use, scripts/build-stamp.mjs) -> server on
//   BENCH_PORT (default 3500) -> sign in as the seeded officer, reviewer and auditor ->
//   consent API next to the raw drivers (scripts/bench/measure-api.ts) -> signed-in pages
//   and exports (scripts/bench/measure-pages.ts) -> PostgreSQL: two instances on one
//   database -> server stopped -> `audit:verify` timed -> one table on stdout and
//   bench/results/<date>-<dialect>.json (BENCH_RESULTS_DIR).
// Usage: npm run bench [-- --scale 0.1] [-- --quick]   (--quick: one round, half-second runs:
//        the CI smoke in scripts/test.mjs, which checks only that both tables were written).
//        BENCH_SECONDS: length of each run (default 5); BENCH_DATA_DIR (default data/bench);
//        PG_BENCH_ADMIN_URL: where the PostgreSQL database is created (default PG_TEST_ADMIN_URL's).
// Targets are printed as met / not met, never asserted: the machine is shared and noisy.
import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { ensureBuild } from "./build-stamp.mjs";
import { migratedRun, PG_ADMIN_URL, pgReachable, startServer, type Run, type Server } from "./harness/server.mjs";
import type { SeedManifest } from "./bench/seed/index";
import { batchIngest, measureApi } from "./bench/measure-api";
import { measureExports, measurePages, rssMb, type Sessions } from "./bench/measure-pages";
import { stopLoad, verdict, type Row } from "./bench/run-load";
import { signIn } from "./bench/session";
import { waitForStartupJobs } from "./bench/startup-jobs";
import { n0, QUICK, r1, scaleArg, writeResults } from "./bench/workload";

type Dialect = "sqlite" | "postgresql";
const SCALE = scaleArg();
const PORT = Number(process.env.BENCH_PORT ?? 3500);
const DATA_DIR = resolve(process.env.BENCH_DATA_DIR ?? "data/bench");
const TSX = ["--conditions=react-server", "--import", "tsx"];
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

function seed(run: Run): SeedManifest {
  const r = spawnSync(process.execPath, [...TSX, "scripts/bench/seed-run.ts", String(SCALE)], { env: run.env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`seeding failed (exit ${r.status})`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as SeedManifest;
}

/** Session cookies of the seeded people the pages are viewed as (an admin stands in for a missing role). */
async function sessions(base: string, m: SeedManifest): Promise<Sessions> {
  const as = async (role: string) => {
    const login = m.logins.find((l) => l.role === role) ?? m.logins.find((l) => l.role === "admin");
    if (!login) throw new Error(`the dataset has no ${role} or admin login`);
    return signIn(base, login.email, login.password);
  };
  return { officer: await as("compliance_officer"), reviewer: await as("reviewer"), auditor: await as("auditor") };
}

/** `audit:verify` through the app's CLI, timed; the server is stopped so nothing is appended meanwhile. */
function timedVerify(run: Run) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...TSX, "scripts/admin.ts", "audit:verify", "--json"], { env: run.env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  let events = 0;
  try {
    events = (JSON.parse(r.stdout) as { events: number }).events;
  } catch {
    /* not JSON: the exit code says what happened */
  }
  return { ok: r.status === 0, seconds, events };
}

/** Batch ingest through one instance, then through two on the same database at once. */
async function twoInstances(run: Run, a: Server, apiKey: string): Promise<Row[]> {
  const b = await startServer(run, PORT + 1);
  try {
    await batchIngest([b.base], apiKey); // warm-up of the second instance (JIT, pools)
    const one = await batchIngest([a.base], apiKey);
    const two = await batchIngest([a.base, b.base], apiKey);
    return [["two instances on one PostgreSQL, batch 100, events/s (one / two)", `${n0(one)} / ${n0(two)} (${r1(two / one)}x)`, verdict(two >= 1.6 * one, ">= 1.6x")]];
  } finally {
    await b.stop();
  }
}

async function benchDialect(dialect: Dialect, sqliteSingle500?: number) {
  const started = performance.now();
  const run = await migratedRun(`bench-${dialect}`, dialect, resolve(DATA_DIR, `${dialect}-${process.pid}`), process.env.PG_BENCH_ADMIN_URL ?? PG_ADMIN_URL);
  try {
    log(`${dialect}: seeding at scale ${SCALE}…`);
    const manifest = seed(run);
    log(`${dialect}: seeded in ${r1(manifest.seconds)} s: ${Object.entries(manifest.counts).map(([k, v]) => `${k} ${n0(v)}`).join(", ")}`);
    const server = await startServer(run, PORT);
    const rows: Row[] = [];
    const data: Record<string, unknown> = { dialect, scale: SCALE, counts: manifest.counts, seedSeconds: r1(manifest.seconds) };
    let single500Done = 0;
    try {
      log(`${dialect}: server up (pid ${server.pid}, RSS ${n0(rssMb(server.pid))} MB); waiting for the start-up jobs…`);
      const jobs = await waitForStartupJobs(run.env.DATABASE_URL!, dialect);
      rows.push(["start-up jobs (daily posture snapshot with the audit-log check), s after the server answered", jobs === null ? "not done within 180 s (measured anyway)" : String(r1(jobs))]);
      data.startupJobsSeconds = jobs;
      log(`${dialect}: consent API…`);
      const api = await measureApi({ dialect, base: server.base, apiKey: manifest.apiKey, dataDir: run.dataDir, databaseUrl: run.env.DATABASE_URL! });
      rows.push(...api.rows);
      single500Done = api.single500Done;
      if (dialect === "postgresql" && sqliteSingle500) rows.push(["  single events at 500/s done, PostgreSQL / SQLite", `${r1(single500Done / sqliteSingle500)}x`, verdict(single500Done >= 0.8 * sqliteSingle500, ">= 0.8x")]);
      log(`${dialect}: signed-in pages…`);
      const who = await sessions(server.base, manifest);
      const pages = await measurePages(server.base, who);
      log(`${dialect}: exports…`);
      // The register has one row per incident; its obligations are what the issue counts.
      const obligations = manifest.counts.BreachObligation;
      const exports = await measureExports(server.base, who, server.pid, obligations === undefined ? {} : { "breach register CSV": `one per incident, ${n0(obligations)} obligations in the dataset` });
      rows.push(...pages.rows, ...exports.rows);
      Object.assign(data, { api: api.data, pages: pages.data, exports: exports.data, serverHwmMb: Math.round(rssMb(server.pid, "VmHWM")) });
      if (dialect === "postgresql") {
        log(`${dialect}: two instances…`);
        rows.push(...(await twoInstances(run, server, manifest.apiKey)));
      }
    } finally {
      await server.stop();
    }
    log(`${dialect}: audit:verify…`);
    const v = timedVerify(run);
    rows.push(["audit:verify", `${r1(v.seconds)} s over ${n0(v.events)} events${v.ok ? "" : " (FAILED)"}`, v.events >= 1_000_000 ? verdict(v.seconds < 10, "< 10 s at 1M") : "(target < 10 s is for 1M events)"]);
    Object.assign(data, { verify: v, seconds: r1((performance.now() - started) / 1000) });
    const table: [string, string][] = rows.map(([k, v, t]) => [k, t ? `${v}   [${t}]` : v]);
    writeResults(dialect, table, data);
    return single500Done;
  } finally {
    if (!process.env.BENCH_KEEP) await run.cleanup();
  }
}

log(`npm run bench · scale ${SCALE}${QUICK ? " · quick" : ""} · ${cpus().length} cores · node ${process.version} · load average ${loadavg()[0]!.toFixed(1)}`);
ensureBuild();
const sqliteSingle500 = await benchDialect("sqlite");
if (process.env.BENCH_PG === "0") log("PostgreSQL skipped (BENCH_PG=0)");
else if (!(await pgReachable())) log("PostgreSQL not reachable: skipped");
else await benchDialect("postgresql", sqliteSingle500);
stopLoad();
process.exit(0);
