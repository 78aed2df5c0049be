import "server-only";
import { log } from "@/lib/server/log";
// The SQLite WAL checkpoint, moved off the request thread (docs/decisions/202).
// better-sqlite3 is synchronous: when a commit pushes the WAL past wal_autocheckpoint, that
// commit copies the WAL back into the database file and fsyncs it before returning, and
// every request queued behind it waits (single-event ingest at 500 req/s with 1M events
// loaded: p99 57-64 ms with the copy in the commit, 6.2-6.7 ms with this thread). A worker thread with its own
// connection runs PASSIVE checkpoints instead: they never wait for or block readers and
// writers, and the next writer restarts the WAL once all of it is back in the file. When a
// steady stream of commits keeps the WAL from ever being wholly copied, the thread steps
// aside at the connection's wal_autocheckpoint limit, so that the committing connection
// finishes the copy (a short one: the thread did most of it) and restarts the WAL; the same
// autocheckpoint is the backstop if this thread stops.
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { WAL_AUTOCHECKPOINT_PAGES, WAL_SIZE_LIMIT_BYTES } from "@/lib/server/db";

// Plain CommonJS, evaluated in the worker: no bundler or TypeScript loader is involved.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
db.pragma("synchronous = FULL");
db.pragma("journal_size_limit = " + workerData.journalSizeLimit);
const passive = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
let pausedUntil = 0;
const timer = setInterval(() => {
  if (Date.now() < pausedUntil) return;
  try {
    const r = passive.get();
    if (r.log >= workerData.handOverFrames) {
      // Under a steady stream of commits a passive checkpoint never copies the last frame,
      // so the WAL is never restarted. Past the limit, step aside: the committing
      // connection's own autocheckpoint (same limit, never waits) then copies the few
      // frames left and the next commit restarts the WAL. Running now would make it busy.
      pausedUntil = Date.now() + workerData.pauseMs;
      parentPort.postMessage({ type: "paused", log: r.log, checkpointed: r.checkpointed });
    } else if (r.checkpointed > 0) {
      parentPort.postMessage({ type: "checkpointed", log: r.log, checkpointed: r.checkpointed });
    }
  } catch (e) {
    parentPort.postMessage({ type: "error", message: String(e && e.message || e) });
  }
}, workerData.intervalMs);
parentPort.on("message", (m) => {
  if (m === "stop") { clearInterval(timer); db.close(); parentPort.close(); }
});
`;

export type CheckpointMessage =
  | { type: "checkpointed" | "paused"; log: number; checkpointed: number }
  | { type: "error"; message: string };

const running = new Map<string, Worker>();

/**
 * Starts (once per file) the background checkpointer for the SQLite database at `file`.
 * The worker does not keep the process alive.
 */
export function startWalCheckpointer(file: string, opts: { intervalMs?: number; handOverFrames?: number } = {}): Worker {
  const path = resolve(file);
  const current = running.get(path);
  if (current) return current;
  // Resolved from the project at run time, so the server bundle needs no worker file.
  const driver = createRequire(join(process.cwd(), "package.json")).resolve("better-sqlite3");
  const workerData = { driver, file: path, intervalMs: opts.intervalMs ?? 50, handOverFrames: opts.handOverFrames ?? WAL_AUTOCHECKPOINT_PAGES, pauseMs: 250, journalSizeLimit: WAL_SIZE_LIMIT_BYTES };
  // execArgv: [] so the parent's flags (e.g. --input-type=module, --import tsx) cannot turn
  // the CommonJS source into a module or load a TypeScript hook the worker does not need.
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData, execArgv: [] });
  worker.unref();
  worker.on("message", (m: CheckpointMessage) => {
    if (m.type === "error") log().error({ component: "sqlite.checkpointer", message: m.message }, "WAL checkpoint failed");
  });
  worker.on("error", (e) => log().error({ component: "sqlite.checkpointer", err: e }, "WAL checkpointer stopped; commits checkpoint the WAL themselves"));
  worker.on("exit", () => {
    if (running.get(path) === worker) running.delete(path);
  });
  running.set(path, worker);
  return worker;
}

/** Stops the checkpointer of `file` (or every one), letting a checkpoint under way finish. */
export async function stopWalCheckpointer(file?: string): Promise<void> {
  const paths = file ? [resolve(file)] : [...running.keys()];
  await Promise.all(
    paths.map(async (path) => {
      const worker = running.get(path);
      if (!worker) return;
      running.delete(path);
      const exited = new Promise<void>((done) => worker.once("exit", () => done()));
      // Referenced while it stops: with the worker and the timer unreferenced, a process
      // with nothing else to do would end before either settles (Node's exit code 13).
      worker.ref();
      worker.postMessage("stop");
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise<void>((done) => (timer = setTimeout(done, 2_000)))]);
      clearTimeout(timer);
      await worker.terminate();
    }),
  );
}
