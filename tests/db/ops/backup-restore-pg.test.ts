import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SEALER_LEASE } from "@/lib/audit/cadence";
import { db, dialect } from "@/lib/server/db";
import { backupPostgres, restorePostgres } from "@/lib/server/ops/backup-pg";
import { makeUser } from "@/lib/server/testing/factories";

const hasPgDump = (() => {
  try {
    execFileSync("pg_dump", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Row counts and content of the tables a restore must bring back exactly. */
async function snapshot() {
  const [users, audit, settings, leases] = await Promise.all([
    db().user.findMany({ orderBy: { id: "asc" } }),
    db().auditEvent.findMany({ orderBy: { id: "asc" } }),
    db().setting.findMany({ orderBy: { key: "asc" } }),
    db().jobLease.count(),
  ]);
  return { users, audit, settings, leases };
}

describe.runIf(dialect() === "postgresql" && hasPgDump)("PostgreSQL backup and restore (pg_dump / pg_restore)", () => {
  it("round trip; refused while a server holds the sealer lease; audit verified after", async () => {
    await makeUser();
    const out = join(mkdtempSync(join(tmpdir(), "pgbackup-")), "app.dump");
    await db().jobLease.deleteMany({ where: { name: SEALER_LEASE } });
    const before = await snapshot();
    await backupPostgres(out);
    await makeUser();
    await db().jobLease.create({ data: { name: SEALER_LEASE, owner: "other", leasedUntil: new Date(Date.now() + 30_000) } });
    await expect(restorePostgres(out)).rejects.toThrow(/server appears to be running.*audit sealer/);
    await db().jobLease.delete({ where: { name: SEALER_LEASE } });
    const { report } = await restorePostgres(out);
    expect(report.ok).toBe(true);
    const after = await snapshot();
    // The verification after the restore recorded itself as one more audit event.
    expect(after.audit.slice(0, -1)).toEqual(before.audit);
    expect(after.audit.at(-1)!.action).toMatch(/^audit\.verif/);
    expect({ ...after, audit: null }).toEqual({ ...before, audit: null });
  });
});
