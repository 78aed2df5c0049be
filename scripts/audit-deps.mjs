#!/usr/bin/env node
// Production dependencies against the npm advisory service (`npm audit --omit=dev`):
// exit 1 when it reports a high or critical advisory, naming the packages; exit 0 with a
// plain "NOT checked" when the service does not answer (an air-gapped machine, a registry
// mirror without the audit endpoint), so that is visible rather than mistaken for a pass.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Reads `npm audit --json` output: { status: "ok" | "vulnerable" | "unchecked", lines }. */
export function judgeAudit(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { status: "unchecked", lines: ["the advisory service's answer was not JSON"] };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why = report?.message ?? report?.error?.summary ?? "no advisory data in the answer";
    return { status: "unchecked", lines: [String(why)] };
  }
  const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => v.severity === "high" || v.severity === "critical");
  if (serious.length === 0) {
    return { status: "ok", lines: [`no high or critical advisories (${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(", ")})`] };
  }
  return { status: "vulnerable", lines: serious.map(([name, v]) => `${name}: ${v.severity}${v.fixAvailable ? " (fix available)" : ""}`) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
  const verdict = judgeAudit(r.stdout ?? "");
  if (verdict.status === "unchecked") {
    console.log(`Dependency advisories NOT checked: the advisory service did not answer (${verdict.lines[0]}).`);
    process.exit(0);
  }
  for (const line of verdict.lines) console.log(`${verdict.status === "ok" ? "Dependency advisories:" : "HIGH:"} ${line}`);
  process.exit(verdict.status === "vulnerable" ? 1 : 0);
}
