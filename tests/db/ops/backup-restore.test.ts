import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SEALER_LEASE } from "@/lib/audit/cadence";
import { sealOnce } from "@/lib/server/audit/seal";
import { db, dialect } from "@/lib/server/db";
import { backupSqlite, restoreSqlite, sqliteFile, sqliteTableDigests } from "@/lib/server/ops/backup";
import { makeUser } from "@/lib/server/testing/factories";

describe.runIf(dialect() === "sqlite")("SQLite backup and restore", () => {
  it("round trip: every table's rows and content come back; refused while a server holds the sealer lease; refuses a missing or non-database file; audit verified", async () => {
    await makeUser();
    // A restore is refused while a server runs, so what is restored is a stopped server's
    // database: its log ends in a shutdown head. Without one, the verifier rightly reports a
    // possibly cut-off tail, and whether the shared database's last head was a shutdown head
    // depended on which test file ran before this one.
    await sealOnce({ kind: "shutdown" });
    const dir = mkdtempSync(join(tmpdir(), "backup-"));
    const out = join(dir, "app.backup.db");
    // Checkpoint so the live file alone holds every committed row for the digest comparison.
    await db().$queryRaw`PRAGMA wal_checkpoint(TRUNCATE)`;
    const before = sqliteTableDigests(sqliteFile());
    await backupSqlite(out);
    expect(sqliteTableDigests(out)).toEqual(before);
    await expect(backupSqlite(out)).rejects.toThrow(/exists/);

    // Changes after the backup that the restore must undo.
    await makeUser();
    await db().$queryRaw`PRAGMA wal_checkpoint(TRUNCATE)`;
    expect(sqliteTableDigests(sqliteFile())).not.toEqual(before);

    await db().jobLease.upsert({ where: { name: SEALER_LEASE }, create: { name: SEALER_LEASE, owner: "other", leasedUntil: new Date(Date.now() + 30_000) }, update: { owner: "other", leasedUntil: new Date(Date.now() + 30_000) } });
    await expect(restoreSqlite(out)).rejects.toThrow(/server appears to be running.*audit sealer/);
    await db().jobLease.update({ where: { name: SEALER_LEASE }, data: { leasedUntil: new Date(0) } });
    await expect(restoreSqlite(join(dir, "missing.db"))).rejects.toThrow(/does not exist/);
    writeFileSync(join(dir, "junk.db"), "not a database");
    await expect(restoreSqlite(join(dir, "junk.db"))).rejects.toThrow();

    const { report } = await restoreSqlite(out);
    // The findings name what did not verify (seen once in a full run, not reproduced alone).
    expect(report.ok, JSON.stringify(report.findings.slice(0, 3))).toBe(true);
    await db().$queryRaw`PRAGMA wal_checkpoint(TRUNCATE)`;
    const after = sqliteTableDigests(sqliteFile());
    // The lease row was changed above, before the restore; the restore brought back the backup's.
    // Every table is as backed up, except that the verification after the restore recorded itself.
    expect(Object.keys(after).filter((t) => JSON.stringify(after[t]) !== JSON.stringify(before[t]))).toEqual(["AuditEvent"]);
    expect(after.AuditEvent!.rows).toBe(before.AuditEvent!.rows + 1);
    const newest = await db().auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(newest.action).toMatch(/^audit\.verif/);
    const { AuditEvent: _a, ...rest } = after;
    const { AuditEvent: _b, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(existsSync(`${sqliteFile()}.restore-${process.pid}`)).toBe(false);
  }, 240_000); // digests, copies and verifies the whole shared database, which other files have filled
});
