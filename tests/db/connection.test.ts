import { describe, expect, it } from "vitest";
import { db, dialect, MMAP_SIZE_BYTES, sqliteHandle, sqliteSynchronous, WAL_AUTOCHECKPOINT_PAGES, WAL_SIZE_LIMIT_BYTES } from "@/lib/server/db";

describe("database connection settings", () => {
  it.runIf(dialect() === "sqlite")("SQLite runs in WAL mode with synchronous=FULL (durable commits) and foreign keys on", async () => {
    const mode = await db().$queryRaw<{ journal_mode: string }[]>`PRAGMA journal_mode`;
    const sync = await db().$queryRaw<{ synchronous: bigint | number }[]>`PRAGMA synchronous`;
    const fk = await db().$queryRaw<{ foreign_keys: bigint | number }[]>`PRAGMA foreign_keys`;
    expect(mode[0]!.journal_mode).toBe("wal");
    // This suite's own throw-away files commit with NORMAL (1); everything else with FULL (2).
    expect(Number(sync[0]!.synchronous)).toBe(sqliteSynchronous() === "FULL" ? 2 : 1);
    expect(Number(fk[0]!.foreign_keys)).toBe(1);
  });

  it("commits wait for the disk (FULL) everywhere but the test suite's own databases", () => {
    const saved = { NODE_ENV: process.env.NODE_ENV, TEST_FAST_COMMIT: process.env.TEST_FAST_COMMIT };
    const env = process.env as Record<string, string | undefined>;
    try {
      env.NODE_ENV = "test";
      env.TEST_FAST_COMMIT = "1";
      expect(sqliteSynchronous()).toBe("NORMAL");
      env.NODE_ENV = "production";
      expect(sqliteSynchronous(), "a production server ignores the test flag").toBe("FULL");
      env.NODE_ENV = "test";
      delete env.TEST_FAST_COMMIT;
      expect(sqliteSynchronous()).toBe("FULL");
    } finally {
      Object.assign(env, saved);
      if (saved.TEST_FAST_COMMIT === undefined) delete env.TEST_FAST_COMMIT;
    }
  });

  it.runIf(dialect() === "postgresql")("the test suite's PostgreSQL database commits without waiting for the WAL flush; the server's default is kept", async () => {
    const [row] = await db().$queryRaw<{ synchronous_commit: string }[]>`SHOW synchronous_commit`;
    expect(row!.synchronous_commit).toBe("off");
  });

  it.runIf(dialect() === "sqlite")("SQLite keeps savepoint journals in memory and checkpoints the WAL every WAL_AUTOCHECKPOINT_PAGES", async () => {
    await db().$connect();
    const h = sqliteHandle()!;
    expect(Number(h.pragma("temp_store", { simple: true }))).toBe(2); // MEMORY
    expect(Number(h.pragma("wal_autocheckpoint", { simple: true }))).toBe(WAL_AUTOCHECKPOINT_PAGES);
    expect(Number(h.pragma("journal_size_limit", { simple: true }))).toBe(WAL_SIZE_LIMIT_BYTES);
    expect(Number(h.pragma("mmap_size", { simple: true }))).toBe(MMAP_SIZE_BYTES);
  });

  it("answers a trivial query on either dialect", async () => {
    expect(await db().$queryRaw`SELECT 1 AS one`).toHaveLength(1);
  });
});

describe("transactions across processes", () => {
  it.runIf(dialect() === "sqlite")("a write transaction waits for another process's write lock instead of failing", async () => {
    const { spawn } = await import("node:child_process");
    const file = process.env.DATABASE_URL!.slice("file:".length);
    // Another process (as the admin CLI would be) holds the write lock for 400 ms.
    const script = `
      const D = require(${JSON.stringify(require.resolve("better-sqlite3"))});
      const d = new D(${JSON.stringify(file)}, { timeout: 5000 });
      d.prepare("BEGIN IMMEDIATE").run();
      d.prepare("INSERT INTO \\"Setting\\" (\\"key\\", \\"value\\", \\"updatedAt\\") VALUES ('test.lock', '1', CURRENT_TIMESTAMP)").run();
      process.stdout.write("locked\\n");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
      d.prepare("COMMIT").run();
      d.close();`;
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    await db().$transaction(async (tx) => {
      await tx.setting.findUnique({ where: { key: "test.lock" } });
      await tx.setting.upsert({ where: { key: "test.lock2" }, create: { key: "test.lock2", value: "2" }, update: { value: "2" } });
    });
    await new Promise((resolve) => child.once("exit", resolve));
    expect(child.exitCode).toBe(0);
    expect(await db().setting.findUnique({ where: { key: "test.lock" } })).not.toBeNull();
    expect(await db().setting.findUnique({ where: { key: "test.lock2" } })).not.toBeNull();
  });
});
