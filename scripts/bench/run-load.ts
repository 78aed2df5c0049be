// The load generator's process (scripts/bench/load.ts), forked once and kept for the run
// (a start costs seconds on a loaded machine), one measurement at a time over its IPC
// channel; also the table helpers the harness's measurement modules share.
import { fork, type ChildProcess } from "node:child_process";
import type { LoadResult, LoadSpec } from "./load";
import { n0, QUICK } from "./workload";

/** Length of each closed-loop or paced run, seconds (BENCH_SECONDS; --quick: 0.5). */
export const RUN_SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 0.5 : 5));
let generator: ChildProcess | null = null;

export function load(spec: LoadSpec): Promise<LoadResult> {
  generator ??= fork("scripts/bench/load.ts", QUICK ? ["--quick"] : [], { execArgv: ["--import", "tsx"], env: { ...process.env, BENCH_SECONDS: String(RUN_SECONDS) } });
  const child = generator;
  return new Promise((ok, fail) => {
    const gone = (code: number | null) => fail(new Error(`the load generator exited (${code})`));
    child.once("exit", gone);
    child.once("message", (m: { result?: LoadResult; error?: string }) => {
      child.off("exit", gone);
      if (m.result) ok(m.result);
      else fail(new Error(`load generator: ${m.error}`));
    });
    child.send(spec);
  });
}

export function stopLoad() {
  generator?.disconnect();
  generator = null;
}

/** One row of the table: label, figure, and the issue's target with met / not met when there is one. */
export type Row = [label: string, value: string, target?: string];
export const verdict = (ok: boolean, target: string) => `${target}: ${ok ? "met" : "NOT met"}`;
export const ms = (x: number | null) => (x === null ? "n/a" : String(x));
export const latency = (r: LoadResult) => `p50 ${ms(r.p50)} / p99 ${ms(r.p99)} ms, ${n0(r.perSecond)}/s done${r.failures ? `, ${r.failures} failed` : ""}`;
