// The load generator, in its own process so that it shares no event loop with the harness or
// the server (scripts/bench/run-load.ts forks it once and sends it one spec per measurement
// over the IPC channel; it answers with the result). Two shapes:
//   closed loop ("cannon"): autocannon with N connections for `seconds` (or until `amount`
//     requests: slow pages would otherwise finish none in a short run); every response
//     time is kept (autocannon's 'response' event) for p50/p95/p99;
//   open loop ("paced"): requests offered at a fixed rate whether or not earlier ones
//     finished, latency counted from the scheduled start (workload.ts paced()); autocannon's
//     own rate limit counts from the send, which hides the queue a saturated server builds.
import http from "node:http";
import autocannon from "autocannon";
import { z } from "zod";
import { makeEvents, paced, pct, r1 } from "./workload";

const cannonSpec = z.object({
  mode: z.literal("cannon"),
  bases: z.array(z.string().url()).min(1),
  path: z.string().startsWith("/"),
  method: z.enum(["GET", "POST"]).default("GET"),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.enum(["none", "batch100"]).default("none"),
  subjects: z.number().int().positive().default(5000),
  connections: z.number().int().positive(),
  seconds: z.number().positive(),
  amount: z.number().int().positive().optional(),
});
const pacedSpec = z.object({
  mode: z.literal("paced"),
  base: z.string().url(),
  kind: z.enum(["single", "lookup"]),
  headers: z.record(z.string(), z.string()).default({}),
  rate: z.number().int().positive(),
  subjects: z.number().int().positive().default(5000),
});
export const loadSpec = z.discriminatedUnion("mode", [cannonSpec, pacedSpec]);
export type LoadSpec = z.input<typeof loadSpec>;
/** `seconds` is the wall-clock length of the run; latencies in ms (null: no request completed). */
export type LoadResult = { requests: number; seconds: number; perSecond: number; failures: number; p50: number | null; p95: number | null; p99: number | null; bytesPerRequest: number };

const q = (lat: number[], p: number) => (lat.length ? r1(pct(lat, p)) : null);
const summary = (lat: number[], requests: number, seconds: number, failures: number, bytes: number): LoadResult => ({
  requests,
  seconds,
  perSecond: requests / seconds,
  failures,
  p50: q(lat, 50),
  p95: q(lat, 95),
  p99: q(lat, 99),
  bytesPerRequest: requests ? Math.round(bytes / requests) : 0,
});

async function cannon(s: z.infer<typeof cannonSpec>): Promise<LoadResult> {
  const lat: number[] = [];
  let bytes = 0;
  let failures = 0;
  const headers = { ...s.headers, ...(s.body === "batch100" ? { "content-type": "application/json" } : {}) };
  // One autocannon per server (two instances: both loaded at once, each with `connections`).
  const runs = s.bases.map((url) => {
    const t = autocannon({
      url,
      connections: s.connections,
      ...(s.amount ? { amount: s.amount } : { duration: s.seconds }),
      requests: [{ method: s.method, path: s.path, headers, ...(s.body === "batch100" ? { setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ events: makeEvents(100, s.subjects) }) }) } : {}) }],
    });
    t.on("response", (_c: unknown, status: number, resBytes: number, ms: number) => {
      lat.push(ms);
      bytes += resBytes;
      if (status < 200 || status >= 300) failures++;
    });
    return t;
  });
  const t0 = performance.now();
  const results = await Promise.all(runs);
  const errors = results.reduce((n, r) => n + r.errors + r.timeouts, 0);
  return summary(lat, lat.length, (performance.now() - t0) / 1000, failures + errors, bytes);
}

async function open(s: z.infer<typeof pacedSpec>): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let failures = 0;
  let bytes = 0;
  const send = (method: string, path: string, body?: string) =>
    new Promise<void>((ok) => {
      const req = http.request(`${s.base}${path}`, { method, agent, headers: { ...s.headers, ...(body ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } : {}) } }, (res) => {
        res.on("data", (c: Buffer) => (bytes += c.length));
        res.on("end", () => {
          if ((res.statusCode ?? 0) >= 300 && !(s.kind === "lookup" && res.statusCode === 404)) failures++;
          ok();
        });
      });
      req.on("error", () => {
        failures++;
        ok();
      });
      req.end(body);
    });
  const call =
    s.kind === "single"
      ? () => send("POST", "/api/v1/consent/events", JSON.stringify(makeEvents(1, s.subjects * 40)[0]))
      : (i: number) => send("GET", `/api/v1/consent/subjects/${encodeURIComponent(`subject-${(i * 7919) % Math.round(s.subjects * 1.1)}@example.com`)}`); // ~9% unknown
  const t0 = performance.now();
  const r = await paced(s.rate, call);
  agent.destroy();
  const out = summary(r.lat, r.lat.length, (performance.now() - t0) / 1000, failures, bytes);
  return { ...out, perSecond: r.achieved };
}

process.on("message", (message: unknown) => {
  const spec = loadSpec.parse(message);
  (spec.mode === "cannon" ? cannon(spec) : open(spec)).then(
    (result) => process.send!({ result }),
    (e: unknown) => process.send!({ error: e instanceof Error ? e.message : String(e) }),
  );
});
process.on("disconnect", () => process.exit(0));
