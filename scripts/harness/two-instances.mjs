#!/usr/bin/env node
// Several instances (issue 13): two production servers on one PostgreSQL database, with
// interleaved writes sent to both at once. Each kind of write must have exactly one outcome:
// consent batches all recorded (one subject row for a subject written through both), a 2-of-N
// decision reviewed by four reviewers through both servers decided once with two approvals,
// one Idempotency-Key sent to both servers writing one incident. Only one sealer signs at a
// time (the lease), so the audit log verifies afterwards.
//   node scripts/harness/two-instances.mjs [--port 3310]
import { api, auditVerify, pgReachable, prepareRun, startServer } from "./server.mjs";

const i = process.argv.indexOf("--port");
const PORT = i > 0 ? Number(process.argv[i + 1]) : 3310;

if (!(await pgReachable())) {
  if (process.env.CI) {
    console.error("PostgreSQL is not reachable; under CI the two-instance test needs it.");
    process.exit(1);
  }
  console.log("PostgreSQL not reachable: two-instance test skipped.");
  process.exit(0);
}

process.env.HARNESS_APPROVALS = "2";
const run = await prepareRun("two", "postgresql");
const failures = [];
const expect = (ok, what) => {
  if (!ok) failures.push(what);
  console.log(`  ${ok ? "ok  " : "FAIL"} ${what}`);
};
const count = (xs, pred) => xs.filter(pred).length;

try {
  const [a, b] = [await startServer(run, PORT), await startServer(run, PORT + 1)];
  const both = [a.base, b.base];
  const fx = run.fixtures;

  // Consent: 40 batches alternating between the servers, all at once, one subject in all.
  const shared = `shared-${process.pid}`;
  const batches = await Promise.all(
    Array.from({ length: 40 }, (_, n) =>
      api(both[n % 2], fx.writer, "POST", "/api/v1/consent/events", {
        events: [...Array.from({ length: 10 }, (_, k) => ({ subjectId: `two-${n}-${k}`, purpose: fx.purpose, action: "grant" })), { subjectId: shared, purpose: fx.purpose, action: n % 2 ? "grant" : "withdraw" }],
      }),
    ),
  );
  expect(batches.every((r) => r.status === 201), `40 consent batches through both servers: ${count(batches, (r) => r.status === 201)} x 201`);
  const lookups = await Promise.all(Array.from({ length: 40 }, (_, n) => api(both[(n + 1) % 2], fx.writer, "GET", `/api/v1/consent/subjects/two-${n}-9`)));
  expect(lookups.every((r) => r.body.purposes?.some((p) => p.purpose === fx.purpose && p.status === "granted")), "every batch's events readable through the other server");

  // Reviews: a 2-of-N decision, four reviewers at once, two through each server.
  const d = await api(a.base, fx.systemKey, "POST", "/api/v1/decisions", { externalId: `two-${process.pid}`, modelVersion: "v1", decisionType: "loan_refusal", proposedOutcome: "refuse", confidence: 0.6, impact: "high", summary: "Two-instance decision" });
  expect(d.status === 201 && d.body.status === "pending_review", `decision pending review (${d.status} ${d.body.status})`);
  const reviews = await Promise.all(fx.reviewers.map((key, n) => api(both[n % 2], key, "POST", `/api/v1/decisions/${d.body.id}/reviews`, { verdict: "approve", rationale: "Checked through two instances." })));
  const decided = await api(b.base, fx.systemKey, "GET", `/api/v1/decisions/${d.body.id}`);
  expect(count(reviews, (r) => r.status === 201) === 2 && count(reviews, (r) => r.status === 409) === 2, `four reviews: ${reviews.map((r) => r.status).join(", ")} (two accepted, two refused as already decided)`);
  expect(decided.body.status === "approved" && decided.body.approvals === 2, `decided once: ${decided.body.status} with ${decided.body.approvals} approvals`);

  // Incidents: one Idempotency-Key, ten requests, alternating servers, at once.
  const body = { title: `two-instance ${process.pid}`, discoveredAt: "2031-05-04T10:00:00Z", affected: [{ jurisdiction: "DE", count: 3 }] };
  const idem = await Promise.all(Array.from({ length: 10 }, (_, n) => api(both[n % 2], fx.writer, "POST", "/api/v1/incidents", body, { "idempotency-key": `two-${process.pid}` })));
  const ids = new Set(idem.filter((r) => r.status === 201).map((r) => r.body.id));
  expect(idem.every((r) => r.status === 201 || (r.status === 409 && r.body.error?.code === "IDEMPOTENCY_IN_FLIGHT")) && ids.size === 1, `one Idempotency-Key through both servers: ${idem.map((r) => r.status).join(", ")}; ${ids.size} incident id(s)`);
  const list = await api(a.base, fx.writer, "GET", "/api/v1/incidents");
  expect(count(list.body.items ?? [], (x) => x.title === body.title) === 1, "exactly one incident with that title in the register");

  // Let both sealers compete for a few rounds, then stop both cleanly.
  await new Promise((r) => setTimeout(r, 5000));
  await Promise.all([a.stop(), b.stop()]);
  const verify = auditVerify(run);
  expect(verify.code === 0, `audit:verify after two instances: exit ${verify.code}${verify.code ? `\n${verify.out.slice(0, 800)}` : ""}`);
} finally {
  await run.cleanup();
}
if (failures.length) {
  console.error(`\nTwo-instance test FAILED (${failures.length}).`);
  process.exit(1);
}
console.log("\nTwo-instance test passed.");
