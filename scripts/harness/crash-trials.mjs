#!/usr/bin/env node
// Crash safety (issue 13): a production server under streams of acknowledged writes (consent
// batches, incidents with Idempotency-Keys, decisions and their reviews) is killed with
// SIGKILL at a random moment, restarted, and every write it acknowledged must be there. After
// each kill the SQLite file passes `PRAGMA integrity_check`; at the end the server is stopped
// cleanly and `audit:verify` must pass. Unacknowledged incident requests are retried with
// their Idempotency-Key after the restart, as a client would, and must not write twice.
//   node scripts/harness/crash-trials.mjs [--trials 10] [--dialect sqlite|postgresql|both]
// Needs a production build (.next): `npm test` runs it after the end-to-end suite.
import Database from "better-sqlite3";
import { api, auditVerify, pgReachable, prepareRun, startServer } from "./server.mjs";
import { randomInt } from "node:crypto";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const TRIALS = Number(arg("trials", 10));
const PORT = Number(arg("port", 3300));
const wanted = arg("dialect", "both");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs the write streams until `stop.now`; returns what the server acknowledged. */
async function load(base, fx, trial, stop) {
  const acked = { subjects: [], incidents: [], decisions: [] };
  const unacked = [];
  const consent = async () => {
    for (let n = 0; !stop.now; n++) {
      const ids = Array.from({ length: 20 }, (_, i) => `c-${trial}-${n}-${i}`);
      const r = await api(base, fx.writer, "POST", "/api/v1/consent/events", { events: ids.map((subjectId) => ({ subjectId, purpose: fx.purpose, action: "grant" })) }).catch(() => null);
      if (r?.status === 201) acked.subjects.push(...ids);
    }
  };
  const incidents = async () => {
    for (let n = 0; !stop.now; n++) {
      const body = { title: `crash ${trial}-${n}`, discoveredAt: "2031-05-04T10:00:00Z", affected: [{ jurisdiction: "DE", count: 3 }] };
      const key = `crash-${process.pid}-${trial}-${n}`;
      const r = await api(base, fx.writer, "POST", "/api/v1/incidents", body, { "idempotency-key": key }).catch(() => null);
      if (r?.status === 201) acked.incidents.push(r.body.id);
      else if (r?.status === 429) await sleep(100);
      else unacked.push({ body, key });
    }
  };
  const decisions = async (reviewerKey, lane) => {
    for (let n = 0; !stop.now; n++) {
      const d = await api(base, fx.systemKey, "POST", "/api/v1/decisions", {
        externalId: `crash-${process.pid}-${trial}-${lane}-${n}`, modelVersion: "v1", decisionType: "loan_refusal", proposedOutcome: "refuse", confidence: 0.6, impact: "high", summary: "Harness decision",
      }).catch(() => null);
      if (d?.status !== 201 || d.body.status !== "pending_review") continue;
      const r = await api(base, reviewerKey, "POST", `/api/v1/decisions/${d.body.id}/reviews`, { verdict: "approve", rationale: "Checked by the harness." }).catch(() => null);
      if (r?.status === 201) acked.decisions.push(d.body.id);
    }
  };
  await Promise.all([consent(), incidents(), decisions(fx.reviewers[0], 0), decisions(fx.reviewers[1], 1)]);
  return { acked, unacked };
}

async function checkPresent(base, fx, { acked, unacked }) {
  const missing = [];
  for (const id of acked.subjects) {
    const r = await api(base, fx.writer, "GET", `/api/v1/consent/subjects/${id}`);
    if (r.status !== 200 || !r.body.purposes?.some((p) => p.purpose === fx.purpose && p.status === "granted")) missing.push(`consent ${id}`);
  }
  for (const id of acked.incidents) if ((await api(base, fx.writer, "GET", `/api/v1/incidents/${id}`)).status !== 200) missing.push(`incident ${id}`);
  for (const id of acked.decisions) {
    const r = await api(base, fx.systemKey, "GET", `/api/v1/decisions/${id}`);
    if (r.body?.status !== "approved") missing.push(`decision ${id} (${r.body?.status})`);
  }
  // A client retries what was not answered: once written, the retry replays; never twice.
  for (const u of unacked) {
    const first = await api(base, fx.writer, "POST", "/api/v1/incidents", u.body, { "idempotency-key": u.key });
    const again = await api(base, fx.writer, "POST", "/api/v1/incidents", u.body, { "idempotency-key": u.key });
    if (first.status !== 201 || again.body?.id !== first.body?.id) missing.push(`retry of ${u.key}: ${first.status}/${again.status}`);
  }
  return missing;
}

function integrity(run) {
  if (!run.env.DATABASE_URL.startsWith("file:")) return "ok";
  const conn = new Database(run.env.DATABASE_URL.slice("file:".length), { readonly: true });
  try {
    return conn.pragma("integrity_check", { simple: true });
  } finally {
    conn.close();
  }
}

async function trials(dialect) {
  const run = await prepareRun("crash", dialect);
  const failures = [];
  let totals = { subjects: 0, incidents: 0, decisions: 0, retried: 0 };
  try {
    let server = await startServer(run, PORT);
    for (let t = 1; t <= TRIALS; t++) {
      const stop = { now: false };
      const work = load(server.base, run.fixtures, t, stop);
      const after = randomInt(300, 2500);
      await sleep(after);
      await server.kill();
      stop.now = true;
      const result = await work;
      const check = integrity(run);
      if (check !== "ok") failures.push(`trial ${t}: integrity_check says ${check}`);
      server = await startServer(run, PORT);
      const missing = await checkPresent(server.base, run.fixtures, result);
      for (const m of missing) failures.push(`trial ${t}: ${m}`);
      const a = result.acked;
      totals = { subjects: totals.subjects + a.subjects.length, incidents: totals.incidents + a.incidents.length, decisions: totals.decisions + a.decisions.length, retried: totals.retried + result.unacked.length };
      console.log(`  ${dialect} trial ${t}/${TRIALS}: SIGKILL after ${after} ms; acknowledged ${a.subjects.length} consent events, ${a.incidents.length} incidents, ${a.decisions.length} reviews; ${result.unacked.length} retried; ${missing.length ? `MISSING ${missing.length}` : "all present"}`);
    }
    await server.stop();
    const verify = auditVerify(run);
    if (verify.code !== 0) failures.push(`audit:verify exit ${verify.code}: ${verify.out.slice(0, 800)}`);
    console.log(`  ${dialect}: ${TRIALS} kills; ${totals.subjects} consent events, ${totals.incidents} incidents, ${totals.decisions} reviews acknowledged and found; ${totals.retried} unanswered incident requests retried; audit:verify exit ${verify.code}`);
  } finally {
    await run.cleanup();
  }
  return failures;
}

const dialects = wanted === "both" ? ["sqlite", ...((await pgReachable()) ? ["postgresql"] : [])] : [wanted];
if (wanted === "both" && dialects.length === 1) {
  if (process.env.CI) {
    console.error("PostgreSQL is not reachable; under CI the crash trials need it.");
    process.exit(1);
  }
  console.log("PostgreSQL not reachable: crash trials on SQLite only.");
}
const failures = [];
for (const d of dialects) failures.push(...(await trials(d)));
if (failures.length) {
  console.error(`\nCrash trials FAILED:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  process.exit(1);
}
console.log("\nCrash trials passed.");
