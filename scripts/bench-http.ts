// Consent API benchmark through the production server (issue 4 section 7): the workload of
// scripts/bench.ts sent over HTTP with an API key, so every request also pays for the
// server's routing, security headers, JSON parsing, key check and rate limit. The server is
// `npm start` on a fresh data folder (it builds when sources changed); this process is the
// client (keep-alive connections) and also runs the raw better-sqlite3 baseline on its own
// file, so the figures are ratios measured in the same run. Client and server share the
// machine's two cores.
// Usage: npm run bench:http   (BENCH_PORT, default 3300; BENCH_SECONDS; BENCH_ROUNDS, default 3)
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { generateSecrets, generateSigningKeyPem } from "./local-env.mjs";
import { concurrently, fmt, makeEvents, paced, PURPOSES, ratio, SALE_PURPOSE, spread } from "./bench/workload";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLIENTS = 8;
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = resolve("data/bench-http");
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const serverEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, NEXTAUTH_URL: `http://localhost:${PORT}`, NODE_ENV: "production" };
delete serverEnv.DATABASE_URL; // the server's database is the one in its data folder
console.log(`starting the server on :${PORT} (npm start; builds first if sources changed)…`);
const server = spawn(process.execPath, ["scripts/start.mjs"], { env: serverEnv, stdio: ["ignore", "ignore", "inherit"], detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    /* already gone */
  }
};
process.on("exit", stopServer);

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function call(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = http.request(`${BASE}${path}`, { method, agent, headers: { ...headers, ...(body ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", fail);
    req.end(body);
  });
}

const started = Date.now();
for (;;) {
  if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode} before answering`);
  const up = await call("GET", "/api/v1/health", {}).catch(() => null);
  if (up?.status === 200) break;
  if (Date.now() - started > 15 * 60_000) throw new Error("the server did not answer /api/v1/health within 15 minutes");
  await new Promise((r) => setTimeout(r, 1000));
}

const adminEnv = { ...serverEnv };
const out = execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/admin.ts", "apikey:create", "--name", "bench", "--scopes", "consent:read,consent:write"], { env: adminEnv, encoding: "utf8" });
const auth = { authorization: `Bearer ${out.trim().split("\n").at(-1)!.trim()}` };
for (const key of PURPOSES) {
  const res = await call("POST", "/api/v1/consent/purposes", auth, JSON.stringify({ key, title: key, lawfulBasis: "consent", saleOrShare: key === SALE_PURPOSE, noticeText: `Notice for ${key}` }));
  // 409: the demo seed already has it.
  if (res.status !== 201 && res.status !== 409) throw new Error(`creating purpose ${key}: ${res.status} ${res.body}`);
}

let failures = 0;
const ingest = async (body: string) => {
  const res = await call("POST", "/api/v1/consent/events", auth, body);
  if (res.status !== 201) {
    failures++;
    if (failures <= 3) console.error(`ingest answered ${res.status}: ${res.body.slice(0, 300)}`);
  }
};
const batches = (n: number, subjects = 5000) => Array.from({ length: n }, () => JSON.stringify({ events: makeEvents(100, subjects) }));
async function oneClient(n: number) {
  const bodies = batches(n);
  const t0 = performance.now();
  for (const b of bodies) await ingest(b);
  return (n * 100) / ((performance.now() - t0) / 1000);
}

// The raw baseline, in this process, with the app's settings (as in scripts/bench.ts).
Object.assign(process.env, { NODE_ENV: "production", ...generateSecrets(), AUDIT_SIGNING_KEY: generateSigningKeyPem() });
const rawFile = resolve(dataDir, "raw.db");
process.env.DATABASE_URL = `file:${rawFile}`;
const { migratedFile, openRawBaseline } = await import("./bench/raw-baseline");
await migratedFile(rawFile);
const raw = openRawBaseline(rawFile);
const { startWalCheckpointer, stopWalCheckpointer } = await import("@/lib/server/sqlite-checkpointer");
startWalCheckpointer(rawFile);

console.log(`consent API benchmark over HTTP · ${cpus().length} cores (client and server on the same machine) · node ${process.version} · load average ${loadavg()[0]!.toFixed(1)}`);
await oneClient(30); // warm-up: JIT, statement caches, connections
raw.throughput(100, 5, 1000);

const runs = { raw: [] as number[], one: [] as number[], many: [] as number[] };
for (let r = 0; r < ROUNDS; r++) {
  runs.raw.push(raw.throughput(100, 200, 5000));
  runs.one.push(await oneClient(200));
  runs.many.push(await concurrently(batches(300), CLIENTS, ingest, 100));
}
console.log(`throughput, events/s, median (min-max) of ${ROUNDS} rounds:`);
console.log(`batch 100 over HTTP, one client: ${spread(runs.one)} · ${CLIENTS} clients: ${spread(runs.many)} · raw driver (one client, in process): ${spread(runs.raw)} · HTTP/raw ${ratio(runs.one, runs.raw)} (one client), ${ratio(runs.many, runs.raw)} (${CLIENTS} clients)`);
console.log(`(issue target: batch 100 >= 25,000 events/s)`);

const singles = makeEvents(500 * Number(process.env.BENCH_SECONDS ?? 5), 200_000).map((e) => JSON.stringify(e));
const single = await paced(500, (i) => ingest(singles[i]!));
console.log(`single-event ingest over HTTP at 500 req/s offered: ${fmt(single)} (issue: p99 < 25 ms)`);
const ids = Array.from({ length: 1000 * Number(process.env.BENCH_SECONDS ?? 5) }, (_, i) => encodeURIComponent(`subject-${(i * 7919) % 5500}@example.com`)); // ~9% unknown
const lookup = await paced(1000, async (i) => {
  const res = await call("GET", `/api/v1/consent/subjects/${ids[i]}`, auth);
  if (res.status !== 200) failures++;
});
console.log(`lookup over HTTP at 1,000 req/s offered: ${fmt(lookup)} (issue: p99 < 20 ms) · load average ${loadavg()[0]!.toFixed(1)}`);
console.log(failures ? `${failures} requests were not answered with success` : "every request was answered with success");

raw.close();
await stopWalCheckpointer();
agent.destroy();
stopServer();
process.exit(failures ? 1 : 0);
