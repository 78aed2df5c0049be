// Signed-in pages and exports against the production server (issue 14 item 3): each page
// fetched once for its weight, then autocannon at concurrency 8 with the role's session
// cookie (response time p50/p95, requests/s); the breach register CSVs and the audit export
// streamed once, rows/s, with the server's peak RSS sampled from /proc meanwhile.
import { readFileSync } from "node:fs";
import { load, ms, RUN_SECONDS, verdict, type Row } from "./run-load";
import { n0, QUICK, r1 } from "./workload";

export type Sessions = Record<"officer" | "reviewer" | "auditor", string>;
const PAGES: { name: string; path: string; as: keyof Sessions; target?: boolean }[] = [
  { name: "dashboard", path: "/", as: "officer", target: true },
  { name: "reviewer inbox", path: "/oversight/inbox", as: "reviewer", target: true },
  { name: "breach list", path: "/breaches", as: "officer" },
  { name: "inventory: assets", path: "/inventory/assets", as: "officer" },
  { name: "inventory: activities", path: "/inventory/activities", as: "officer" },
  { name: "audit log", path: "/audit", as: "auditor" },
];
const EXPORTS: { name: string; path: string; as: keyof Sessions; target?: boolean }[] = [
  { name: "breach register CSV", path: "/breaches/export/register.csv", as: "officer" },
  // Issue 14's target is for obligation rows: one row per obligation, streamed.
  { name: "breach obligations CSV", path: "/breaches/export/obligations.csv", as: "officer", target: true },
  { name: "audit export CSV", path: "/audit/export", as: "auditor" },
];

async function getOk(url: string, cookie: string) {
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status} ${res.headers.get("location") ?? ""}`);
  return res;
}

/**
 * Resident set size of `pid` in MB, or 0 once it is gone. VmRSS counts the pages of files
 * the process maps, and the SQLite connection memory-maps the database (decision 203), so
 * RssAnon (the process's own memory) is sampled beside it.
 */
export function rssMb(pid: number, field: "VmRSS" | "VmHWM" | "RssAnon" = "VmRSS") {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the server's RSS every 20 ms while `work` runs; returns its result and the peaks. */
async function withPeakRss<T>(pid: number, work: () => Promise<T>) {
  const peak = { rss: 0, anon: 0 };
  const sample = () => {
    peak.rss = Math.max(peak.rss, rssMb(pid));
    peak.anon = Math.max(peak.anon, rssMb(pid, "RssAnon"));
  };
  sample();
  const timer = setInterval(sample, 20);
  try {
    const result = await work();
    sample();
    return { result, peakMb: peak.rss, peakAnonMb: peak.anon };
  } finally {
    clearInterval(timer);
  }
}

/** Streams a CSV export, counting lines (rows after the header) as they arrive. */
async function streamRows(url: string, cookie: string) {
  const res = await getOk(url, cookie);
  let lines = 0;
  let bytes = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
  }
  return { rows: Math.max(0, lines - 1), bytes };
}

export async function measurePages(base: string, sessions: Sessions) {
  const rows: Row[] = [];
  const data: Record<string, unknown> = {};
  for (const p of PAGES) {
    const html = await (await getOk(`${base}${p.path}`, sessions[p.as])).text(); // also warms the route
    const kb = Buffer.byteLength(html) / 1024;
    // A count, not a duration: a page slower than the run would otherwise report nothing.
    const r = await load({ mode: "cannon", bases: [base], path: p.path, headers: { cookie: sessions[p.as] }, connections: 8, seconds: RUN_SECONDS, amount: QUICK ? 16 : 8 * 25 });
    data[p.name] = { ...r, htmlKb: r1(kb) };
    const ok = r.p95 !== null && r.p95 < 150 && r.perSecond >= 50;
    rows.push([`page ${p.name} (${p.as}), concurrency 8`, `p50 ${ms(r.p50)} / p95 ${ms(r.p95)} ms, ${n0(r.perSecond)} req/s, HTML ${n0(kb)} KB${r.failures ? `, ${r.failures} failed` : ""}`, p.target ? verdict(ok, "p95 < 150 ms and >= 50 req/s") : undefined]);
    if (p.name === "dashboard") rows.push(["  dashboard HTML weight", `${n0(kb)} KB`, verdict(kb < 150, "< 150 KB")]);
  }
  return { rows, data };
}

/** `note`: what the dataset holds behind an export, printed beside its rows (e.g. the obligations behind the register). */
export async function measureExports(base: string, sessions: Sessions, serverPid: number, note: Record<string, string> = {}) {
  const rows: Row[] = [];
  const data: Record<string, unknown> = {};
  for (const e of EXPORTS) {
    const before = rssMb(serverPid);
    const t0 = performance.now();
    const { result, peakMb, peakAnonMb } = await withPeakRss(serverPid, () => streamRows(`${base}${e.path}`, sessions[e.as]));
    const s = (performance.now() - t0) / 1000;
    const perSecond = result.rows / s;
    data[e.name] = { ...result, seconds: r1(s), rowsPerSecond: Math.round(perSecond), rssBeforeMb: Math.round(before), peakRssMb: Math.round(peakMb), peakRssAnonMb: Math.round(peakAnonMb) };
    rows.push([e.name, `${n0(result.rows)} rows${note[e.name] ? ` (${note[e.name]})` : ""}, ${r1(result.bytes / 1048576)} MB: ${n0(perSecond)} rows/s in ${r1(s)} s, server RSS ${n0(before)} -> peak ${n0(peakMb)} MB (anonymous ${n0(peakAnonMb)} MB)`, e.target ? verdict(perSecond >= 200_000 && peakMb < 300, ">= 200,000 rows/s, RSS < 300 MB") : undefined]);
  }
  return { rows, data };
}
