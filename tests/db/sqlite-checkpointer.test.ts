// The WAL checkpointer thread (lib/server/sqlite-checkpointer.ts): it copies committed WAL
// frames back into the database file while the app keeps writing, and stops cleanly.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit/append";
import { db, dialect, sqliteHandle } from "@/lib/server/db";
import { startWalCheckpointer, stopWalCheckpointer, type CheckpointMessage } from "@/lib/server/sqlite-checkpointer";

describe.runIf(dialect() === "sqlite")("SQLite WAL checkpointer thread", () => {
  it("checkpoints what the app commits, without blocking its writes, and stops on request", async () => {
    await db().$connect();
    const file = sqliteHandle()!.name;
    const worker = startWalCheckpointer(file, { intervalMs: 10 });
    expect(startWalCheckpointer(file, { intervalMs: 10 })).toBe(worker); // one per file
    const seen: CheckpointMessage[] = [];
    worker.on("message", (m: CheckpointMessage) => seen.push(m));
    // Writes while the thread checkpoints: none waits for it or fails.
    for (let i = 0; i < 30; i++) await recordAudit(SYSTEM_CLI, { action: "test.checkpointer", entityId: String(i) });
    const deadline = Date.now() + 5_000;
    while (!seen.some((m) => m.type === "checkpointed") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(seen.filter((m) => m.type === "error")).toEqual([]);
    const done = seen.find((m) => m.type === "checkpointed");
    expect(done).toBeDefined();
    expect(done!.type === "checkpointed" && done!.checkpointed).toBeGreaterThan(0);

    const exited = new Promise<number>((r) => worker.once("exit", r));
    await stopWalCheckpointer(file);
    await exited;
    expect(startWalCheckpointer(file, { intervalMs: 10 })).not.toBe(worker); // a stopped one can be started again
    await stopWalCheckpointer();
  });

  it("a process with nothing else to do waits for it to stop (it does not end with the stop unsettled)", () => {
    const file = resolve("data/test", `checkpointer_${process.pid}.db`);
    new Database(file).pragma("journal_mode = WAL");
    const script = `const m = await import("@/lib/server/sqlite-checkpointer"); m.startWalCheckpointer(${JSON.stringify(file)}); await new Promise((r) => setTimeout(r, 100)); await m.stopWalCheckpointer(); console.log("stopped");`;
    const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 30_000 });
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("stopped");
    expect(run.status).toBe(0); // was 13 (unsettled top-level await) before the worker was referenced while stopping
  });

  it("steps aside past the WAL limit, so the committing connection can finish the copy and restart the WAL", async () => {
    await db().$connect();
    const h = sqliteHandle()!;
    const worker = startWalCheckpointer(h.name, { intervalMs: 10, handOverFrames: 1 });
    const seen: CheckpointMessage[] = [];
    worker.on("message", (m: CheckpointMessage) => seen.push(m));
    const deadline = Date.now() + 5_000;
    let i = 0;
    while (!seen.some((m) => m.type === "paused") && Date.now() < deadline) {
      await recordAudit(SYSTEM_CLI, { action: "test.checkpointer.pause", entityId: String(i++) });
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(seen.filter((m) => m.type === "error")).toEqual([]);
    expect(seen.some((m) => m.type === "paused")).toBe(true);
    // While it is paused, a checkpoint by the app's own connection is not kept busy by it.
    const own = (h.pragma("wal_checkpoint(PASSIVE)") as Record<string, bigint | number>[])[0]!;
    expect(Number(own.busy)).toBe(0);
    expect(Number(own.checkpointed)).toBe(Number(own.log));
    await stopWalCheckpointer();
    expect(await db().auditEvent.count({ where: { action: "test.checkpointer.pause" } })).toBe(i);
  });
});
