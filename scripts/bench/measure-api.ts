// The consent API over HTTP against the production server (issue 14 item 3): batches of 100
// from 8 connections next to the raw driver inserting the same rows in the same run
// (better-sqlite3 on its own file; `pg` multi-row INSERT and COPY on the app's database),
// single events at 200 and 500 requests/s offered, lookups at 1,000/s.
import { resolve } from "node:path";
import pg from "pg";
import { latency, load, RUN_SECONDS, verdict, type Row } from "./run-load";
import { median, n0, PURPOSES, QUICK, r1, SALE_PURPOSE, spread } from "./workload";
import { rawPg } from "./raw-pg";
import type { LoadResult } from "./load";

export type ApiContext = { dialect: "sqlite" | "postgresql"; base: string; apiKey: string; dataDir: string; databaseUrl: string };
const CONNECTIONS = 8;

async function ensurePurposes(base: string, auth: Record<string, string>) {
  for (const key of PURPOSES) {
    const res = await fetch(`${base}/api/v1/consent/purposes`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ key, title: key, lawfulBasis: "consent", saleOrShare: key === SALE_PURPOSE, noticeText: `Notice for ${key}` }) });
    // 409: the dataset already has it.
    if (res.status !== 201 && res.status !== 409) throw new Error(`creating purpose ${key}: ${res.status} ${await res.text()}`);
  }
}

/** The raw driver baselines of this dialect, one function per shape returning events/s. */
async function rawBaselines(ctx: ApiContext): Promise<{ shapes: Record<string, () => Promise<number>>; close: () => Promise<void> }> {
  const batches = QUICK ? 20 : 200;
  if (ctx.dialect === "sqlite") {
    const file = resolve(ctx.dataDir, "raw.db");
    const { migratedFile, openRawBaseline } = await import("./raw-baseline");
    await migratedFile(file);
    const raw = openRawBaseline(file);
    const { startWalCheckpointer, stopWalCheckpointer } = await import("@/lib/server/sqlite-checkpointer");
    startWalCheckpointer(file); // as the server does, so both see the same I/O pattern
    return { shapes: { "better-sqlite3": async () => raw.throughput(100, batches, 5000) }, close: async () => (raw.close(), await stopWalCheckpointer()) };
  }
  const pool = new pg.Pool({ connectionString: ctx.databaseUrl, max: CONNECTIONS });
  const purposeIds = (await pool.query<{ id: string }>(`SELECT "id" FROM "ConsentPurpose" ORDER BY "key"`)).rows.map((r) => r.id);
  return {
    shapes: { "pg INSERT": () => rawPg(pool, purposeIds, "insert", batches, CONNECTIONS), "pg COPY": () => rawPg(pool, purposeIds, "copy", batches, CONNECTIONS) },
    close: () => pool.end(),
  };
}

const eventsPerSecond = (r: LoadResult) => ((r.requests - r.failures) * 100) / r.seconds;

/** Batch-100 ingest through `bases` at once (two instances: both), events/s. */
export async function batchIngest(bases: string[], apiKey: string) {
  const r = await load({ mode: "cannon", bases, path: "/api/v1/consent/events", method: "POST", headers: { authorization: `Bearer ${apiKey}` }, body: "batch100", connections: CONNECTIONS, seconds: RUN_SECONDS });
  if (r.failures) console.error(`  ${r.failures} batch requests failed`);
  return eventsPerSecond(r);
}

export async function measureApi(ctx: ApiContext) {
  const auth = { authorization: `Bearer ${ctx.apiKey}` };
  await ensurePurposes(ctx.base, auth);
  await load({ mode: "cannon", bases: [ctx.base], path: "/api/v1/consent/events", method: "POST", headers: auth, body: "batch100", connections: CONNECTIONS, seconds: 1 }); // warm-up
  const raw = await rawBaselines(ctx);
  const runs: Record<string, number[]> = { http: [], ...Object.fromEntries(Object.keys(raw.shapes).map((k) => [k, []])) };
  // Interleaved rounds: the machine is shared, a single run swings; medians are compared.
  for (let round = 0; round < (QUICK ? 1 : 3); round++) {
    for (const [k, f] of Object.entries(raw.shapes)) runs[k]!.push(await f());
    runs.http!.push(await batchIngest([ctx.base], ctx.apiKey));
  }
  await raw.close();
  const http = median(runs.http!);
  // median (min-max) of the rounds: a round in which no request completed shows as a 0.
  const rows: Row[] = [[`batch 100 over HTTP, ${CONNECTIONS} connections, events/s`, spread(runs.http!), ctx.dialect === "sqlite" ? verdict(http >= 25_000, ">= 25,000") : undefined]];
  for (const k of Object.keys(raw.shapes)) rows.push([`  raw ${k} (${ctx.dialect === "sqlite" ? "1 client" : `${CONNECTIONS} clients`}), events/s · HTTP/raw`, `${spread(runs[k]!)} · ${r1((http / median(runs[k]!)) * 100)}%`]);

  const single: Record<number, LoadResult> = {};
  for (const rate of [200, 500]) single[rate] = await load({ mode: "paced", base: ctx.base, kind: "single", headers: auth, rate });
  const lookup = await load({ mode: "paced", base: ctx.base, kind: "lookup", headers: auth, rate: 1000 });
  const singleTarget = (rate: number) => (ctx.dialect === "sqlite" ? (rate === 500 ? verdict(single[500]!.p99 !== null && single[500]!.p99 < 25, "p99 < 25 ms") : undefined) : rate === 200 ? verdict(single[200]!.p99 !== null && single[200]!.p99 < 50, "p99 < 50 ms") : undefined);
  for (const rate of [200, 500]) rows.push([`single event at ${rate}/s offered`, latency(single[rate]!), singleTarget(rate)]);
  rows.push(["lookup at 1,000/s offered", latency(lookup), verdict(lookup.p99 !== null && lookup.p99 < 20, "p99 < 20 ms")]);
  return { rows, single500Done: single[500]!.perSecond, data: { batch100: runs, single, lookup } };
}
