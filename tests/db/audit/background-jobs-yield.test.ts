// Background work must not hold the server's only thread (issue 14: at 1M audit events the
// daily control tests' full verification blocked every request for 45 s on SQLite, where a
// Prisma query settles in a microtask and a loop of them never lets the event loop turn).
// Counted in turns of the event loop, never in time: the machine is shared.
import { describe, expect, it } from "vitest";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { db, dialect } from "@/lib/server/db";
import { verifyAuditLog } from "@/lib/server/audit/verify-audit";
import { sealLog } from "../../support/audit";

/** Runs `work` while counting how many turns the event loop made meanwhile. */
async function turnsDuring(work: () => Promise<unknown>) {
  let turns = 0;
  let running = true;
  const spin = () => {
    turns++;
    if (running) setImmediate(spin);
  };
  setImmediate(spin);
  try {
    await work();
  } finally {
    running = false;
  }
  return turns;
}

describe("long background loops give the event loop its turns", () => {
  it("a verification of the whole audit log lets other work run at least once per 500 events", async () => {
    const at = new Date();
    await db().auditEvent.createMany({ data: Array.from({ length: 2_000 }, (_, i) => ({ at, actorType: "system", actorLabel: "test", action: "test.yield", entityId: `y${i}` })) });
    await sealLog();
    const events = await db().auditEvent.count({ where: { seq: { not: null } } });
    const turns = await turnsDuring(() => verifyAuditLog(SYSTEM_CLI, { record: false }));
    expect(turns).toBeGreaterThanOrEqual(Math.floor(events / 500));
  });

  it.runIf(dialect() === "sqlite")("the alerts job's reads of API-key use by time use the (actorType, at) index, not a scan of the log", async () => {
    const since = new Date(Date.now() - 10 * 60_000);
    const plan = (await db().$queryRaw<{ detail: string }[]>`EXPLAIN QUERY PLAN SELECT MIN("id"), MIN("at"), "actorId", "ip" FROM "AuditEvent" WHERE "at" >= ${since} AND "actorType" = ${"api_key"} AND "ip" IS NOT NULL GROUP BY "actorId", "ip"`).map((r) => r.detail);
    expect(plan.join("\n")).toContain("USING INDEX AuditEvent_actorType_at_idx (actorType=? AND at>?)");
  });

  it.runIf(dialect() === "postgresql")("the (actorType, at) index exists on PostgreSQL too", async () => {
    const rows = await db().$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE indexname = 'AuditEvent_actorType_at_idx'`;
    expect(rows[0]?.indexdef).toContain(`("actorType", at)`);
  });
});
