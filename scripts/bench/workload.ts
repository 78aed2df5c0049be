import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
// What both consent benchmarks share (scripts/bench.ts in process, scripts/bench-http.ts
// through the server): the generated events, the paced load, and how figures are printed.
export const PURPOSES = ["marketing_email", "analytics", "ad_sharing"];
export const SALE_PURPOSE = "ad_sharing";
// --quick (the CI smoke, scripts/test.mjs): one-second paced runs.
export const QUICK = process.argv.includes("--quick");
export const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 1 : 5));

/** `--scale x`: the fraction of the issue's standard volume (1M events, 200k subjects). */
export function scaleArg(): number {
  const i = process.argv.indexOf("--scale");
  const x = i >= 0 ? Number(process.argv[i + 1]) : 1;
  if (!(x > 0 && x <= 1)) throw new Error("--scale takes a number in (0, 1]");
  return x;
}

/** Writes a run's figures to bench/results/<date>-<name>.json (BENCH_RESULTS_DIR to change the folder). */
export function writeResults(name: string, table: [string, string][], data: Record<string, unknown>) {
  const dir = process.env.BENCH_RESULTS_DIR ?? "bench/results";
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/${new Date().toISOString().slice(0, 10)}-${name}.json`;
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), quick: QUICK, cores: cpus().length, load: loadavg(), table: Object.fromEntries(table), ...data }, null, 2) + "\n");
  const width = Math.max(...table.map(([k]) => k.length));
  console.log(`\n${name}\n${table.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join("\n")}\nwrote ${file}`);
  return file;
}

export type BenchEvent = ReturnType<typeof makeEvents>[number];
let counter = 0;
/** `n` events over `subjects` subjects, spread over the last day, each with evidence. */
export function makeEvents(n: number, subjects: number) {
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

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
export const r1 = (x: number) => Math.round(x * 10) / 10;
export const n0 = (x: number) => Math.round(x).toLocaleString("en-US");
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const spread = (xs: number[]) => `${n0(median(xs))} (${n0(Math.min(...xs))}-${n0(Math.max(...xs))})`;
export const ratio = (a: number[], b: number[]) => `${r1((median(a) / median(b)) * 100)}%`;

/**
 * Offers `rate` requests per second for SECONDS: each request starts at its scheduled time
 * (or as soon as the event loop is free after it), and its latency counts from the
 * scheduled time, so a stall shows up in every request it delayed (no coordinated omission).
 */
export async function paced(rate: number, call: (i: number) => unknown): Promise<{ lat: number[]; achieved: number }> {
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
export const fmt = (r: { lat: number[]; achieved: number }) => `p50 ${r1(pct(r.lat, 50))} ms · p99 ${r1(pct(r.lat, 99))} ms · max ${r1(Math.max(...r.lat))} ms (${n0(r.achieved)} req/s done)`;

/** `clients` loops taking the next body until none is left; returns events per second. */
export async function concurrently<T>(bodies: T[], clients: number, send: (body: T) => Promise<unknown>, eventsPer: number) {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < bodies.length) await send(bodies[next++]!);
  }));
  return (bodies.length * eventsPer) / ((performance.now() - t0) / 1000);
}
