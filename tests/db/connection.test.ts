import { describe, expect, it } from "vitest";
import { db, dialect } from "@/lib/server/db";

describe("database connection settings", () => {
  it.runIf(dialect() === "sqlite")("SQLite runs in WAL mode with synchronous=FULL (durable commits) and foreign keys on", async () => {
    const mode = await db().$queryRaw<{ journal_mode: string }[]>`PRAGMA journal_mode`;
    const sync = await db().$queryRaw<{ synchronous: bigint | number }[]>`PRAGMA synchronous`;
    const fk = await db().$queryRaw<{ foreign_keys: bigint | number }[]>`PRAGMA foreign_keys`;
    expect(mode[0]!.journal_mode).toBe("wal");
    expect(Number(sync[0]!.synchronous)).toBe(2);
    expect(Number(fk[0]!.foreign_keys)).toBe(1);
  });

  it("answers a trivial query on either dialect", async () => {
    expect(await db().$queryRaw`SELECT 1 AS one`).toHaveLength(1);
  });
});
