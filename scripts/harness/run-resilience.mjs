#!/usr/bin/env node
// The resilience suite of `npm test`: crash trials on both dialects and the two-instance test,
// against the production build the end-to-end suite made. Writes test-results/resilience.json
// ({ passed, failed, skipped }) for scripts/test.mjs.
//   node scripts/harness/run-resilience.mjs [--trials N]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";

const i = process.argv.indexOf("--trials");
const trials = i > 0 ? process.argv[i + 1] : "10";
const counts = { passed: 0, failed: 0, skipped: 0 };
mkdirSync("test-results", { recursive: true });
if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build (.next): run the end-to-end suite (or `npm run build`) first.");
  counts.failed = 1;
} else {
  for (const [name, args] of [
    ["crash trials", ["scripts/harness/crash-trials.mjs", "--trials", trials]],
    ["two instances", ["scripts/harness/two-instances.mjs"]],
  ]) {
    console.log(`\n--- ${name} ---`);
    const r = spawnSync(process.execPath, args, { stdio: "inherit" });
    if (r.status === 0) counts.passed++;
    else counts.failed++;
  }
}
writeFileSync("test-results/resilience.json", JSON.stringify(counts));
process.exit(counts.failed ? 1 : 0);
