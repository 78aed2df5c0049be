#!/usr/bin/env node
// `npm test`: every suite, in order, and one closing line with the totals.
//   unit (pure logic) -> database on SQLite and on PostgreSQL (when reachable; required
//   under CI), the two at once: each runs its files one at a time on its own database, so
//   on two cores they overlap instead of queueing -> end-to-end in Chromium against a
//   production build -> the benchmark smoke on that build (the harness runs end to end at
//   scale 0.01 and writes its table per dialect; no time is asserted) -> resilience (kill -9
//   trials, two instances on one PostgreSQL) against that build.
// Each suite runs even when an earlier one failed, so one run shows every failure.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import pg from "pg";

const PG_URL = process.env.PG_TEST_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const only = process.argv.slice(2);
mkdirSync("test-results", { recursive: true });

async function pgReachable() {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSuites = [];

function vitestCounts(file) {
  const r = JSON.parse(readFileSync(file, "utf8"));
  return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numTotalTestSuites && !r.success && r.numFailedTests === 0 ? 1 : 0), skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(file) {
  const r = JSON.parse(readFileSync(file, "utf8"));
  const s = r.stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected + (r.errors?.length ? 1 : 0), skipped: s.skipped };
}

/** The benchmark smoke: one passed check per dialect whose results JSON holds a non-empty table. */
function benchCounts(dir) {
  const c = { passed: 0, failed: 0, skipped: 0 };
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  for (const dialect of ["sqlite", "postgresql"]) {
    const f = files.find((x) => x.endsWith(`-${dialect}.json`));
    if (!f) {
      if (dialect === "sqlite") c.failed++;
      else c.skipped++; // PostgreSQL not reachable (the db-postgresql suite says so under CI)
      continue;
    }
    const table = JSON.parse(readFileSync(`${dir}/${f}`, "utf8")).table ?? {};
    if (Object.keys(table).length) c.passed++;
    else c.failed++;
  }
  return c;
}

function record(name, status, resultFile, count) {
  let c = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(resultFile)) c = count(resultFile);
  if (status !== 0 && c.failed === 0) c.failed = 1; // crashed before reporting
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  if (c.failed) failedSuites.push(name);
  console.log(`${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
}

function suite(name, cmd, args, env, resultFile, count) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n=== ${name} ===`);
  rmSync(resultFile, { force: true });
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  record(name, r.status, resultFile, count);
}

/**
 * Suites run at the same time: the first streams to the terminal, the others to
 * test-results/<name>.log, printed whole when it ends, so the output stays readable.
 */
async function concurrentSuites(list) {
  const picked = list.filter((s) => !only.length || only.includes(s.name));
  const runs = picked.map((s, i) => {
    rmSync(s.resultFile, { force: true });
    const logFile = `test-results/${s.name}.log`;
    if (i === 0) console.log(`\n=== ${s.name} ===${picked.length > 1 ? ` (with ${picked.slice(1).map((x) => x.name).join(", ")} at the same time; its output follows)` : ""}`);
    const child = spawn(s.cmd, s.args, { stdio: i === 0 ? "inherit" : ["ignore", "pipe", "pipe"], env: { ...process.env, ...s.env } });
    if (i > 0) {
      const out = createWriteStream(logFile);
      child.stdout.pipe(out);
      child.stderr.pipe(out);
    }
    return new Promise((done) => child.on("close", (code) => done({ s, code: code ?? 1, logFile, i })));
  });
  for (const run of runs) {
    const { s, code, logFile, i } = await run;
    if (i > 0) {
      console.log(`\n=== ${s.name} ===`);
      // Another run's Playwright (outputDir test-results/) may have cleared it meanwhile.
      process.stdout.write(existsSync(logFile) ? readFileSync(logFile, "utf8") : `(its log ${logFile} was removed while it ran)\n`);
    }
    record(s.name, code, s.resultFile, s.count);
  }
}

const vitest = ["node_modules/vitest/vitest.mjs", "run"];
suite("unit", process.execPath, [...vitest, "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile=test-results/unit.json"], {}, "test-results/unit.json", vitestCounts);
const dbSuite = (dialect) => ({
  name: `db-${dialect}`,
  cmd: process.execPath,
  args: [...vitest, "--project", "db", "--reporter=default", "--reporter=json", `--outputFile=test-results/db-${dialect}.json`],
  env: { TEST_DIALECT: dialect },
  resultFile: `test-results/db-${dialect}.json`,
  count: vitestCounts,
});
const dbSuites = [dbSuite("sqlite")];
if (!only.length || only.includes("db-postgresql")) {
  if (await pgReachable()) {
    dbSuites.push(dbSuite("postgresql"));
  } else if (process.env.CI) {
    console.error(`\nPostgreSQL is not reachable at ${PG_URL}; under CI the PostgreSQL suite is required.`);
    totals.failed += 1;
    failedSuites.push("db-postgresql (unreachable)");
  } else {
    console.log(`\n=== db-postgresql ===\nskipped: PostgreSQL not reachable at ${PG_URL}`);
  }
}
await concurrentSuites(dbSuites);
if (!only.length || only.includes("e2e")) rmSync("data/e2e", { recursive: true, force: true });
suite("e2e", process.execPath, ["node_modules/@playwright/test/cli.js", "test"], {}, "test-results/e2e.json", playwrightCounts);
// After e2e: the smoke starts the production server on the build the e2e suite made.
rmSync("test-results/bench", { recursive: true, force: true });
suite("bench-smoke", process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench.ts", "--scale", "0.01", "--quick"], { BENCH_RESULTS_DIR: "test-results/bench", BENCH_DATA_DIR: "data/bench-smoke" }, "test-results/bench", benchCounts);
// Kill -9 under load and two instances on one PostgreSQL, on the build the e2e suite made.
suite("resilience", process.execPath, ["scripts/harness/run-resilience.mjs"], {}, "test-results/resilience.json", (f) => JSON.parse(readFileSync(f, "utf8")));

if (failedSuites.length) console.log(`\nFailed suites: ${failedSuites.join(", ")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
