// The standard benchmark dataset (issue 14, docs/decisions/700): seedStandardDataset fills
// an EMPTY, migrated database at `url` with the standard volume times `scale`, through the
// app's connection and with the app's secrets from process.env (so a server started later
// with the same env reads it). Deterministic: the same scale gives the same business
// content. scripts/bench-seed.ts is the CLI around it.
import { SYSTEM_CLI } from "@/lib/server/actor";
import { sealOnce } from "@/lib/server/audit/seal";
import { sealBeforeExit } from "@/lib/server/audit/sealer";
import { db, disconnectDb, pgPool, sqliteHandle } from "@/lib/server/db";
import { databaseDialect, resetEnvCache } from "@/lib/env";
import { resetKeyCache } from "@/lib/server/keys";
import { setSetting } from "@/lib/server/settings/settings";
import { DEMO_PASSWORD } from "../../../prisma/demo-users.mjs";
import { mintBenchKey, seedIntegrationKey, seedPeople } from "./accounts";
import { AuditStream } from "./audit";
import { seedLedger, seedPurposes } from "./consent";
import { countTables } from "./counts";
import { seedIncidents } from "./incidents";
import { seedInventory } from "./inventory";
import { seedOversight } from "./oversight";
import { seedPosture } from "./posture";
import { ANCHOR, DAY, Rng, scaled, START } from "./rng";
import { pgSink, sqliteSink, type Sink } from "./sink";

export type SeedManifest = {
  url: string;
  dialect: "sqlite" | "postgresql";
  scale: number;
  counts: Record<string, number>;
  logins: { role: string; email: string; password: string }[];
  apiKey: string;
  seconds: number;
};

/** The standard volume at scale 1 (issue 14); every count is multiplied by the scale. */
export const STANDARD = {
  consentEvents: 1_000_000,
  subjects: 200_000,
  assets: 10_000,
  activities: 2_000,
  incidents: 2_000,
  decisions: 200_000,
  pendingDecisions: 5_000,
  aiSystems: 20,
  controls: 300,
  auditEvents: 1_000_000,
} as const;

async function useDatabase(url: string) {
  if (process.env.DATABASE_URL !== url) await disconnectDb();
  process.env.DATABASE_URL = url;
  resetEnvCache();
  resetKeyCache();
  await db().$connect();
}

async function assertEmpty() {
  const [users, events] = await Promise.all([db().user.count(), db().auditEvent.count()]);
  if (users > 0 || events > 0) throw new Error(`the database is not empty (${users} users, ${events} audit events): the dataset is generated into an empty, migrated database`);
}

export async function seedStandardDataset(opts: { url: string; scale: number; log?: (s: string) => void }): Promise<SeedManifest> {
  if (!(opts.scale > 0 && Number.isFinite(opts.scale))) throw new Error(`scale must be a positive number, not ${opts.scale}`);
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const step = (what: string) => log(`${what} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const previousUrl = process.env.DATABASE_URL;
  const dialect = databaseDialect(opts.url);
  const n = (k: keyof typeof STANDARD) => scaled(STANDARD[k], opts.scale);
  try {
    await useDatabase(opts.url);
    await assertEmpty();
    const sink: Sink = dialect === "sqlite" ? sqliteSink(sqliteHandle()!) : pgSink(pgPool()!);
    const audit = new AuditStream();
    const people = await seedPeople(sink, audit);
    const byRole = (role: string) => people.filter((p) => p.role === role);
    const [admin, officer] = [byRole("admin")[0]!, byRole("compliance_officer")[0]!];
    // What the app itself writes: the benchmark's key and the demo's MFA setting, sealed by
    // the app's sealer (head #1); the generated history continues the same tree after it.
    const apiKey = await mintBenchKey(admin.email);
    await setSetting(SYSTEM_CLI, "security.mfaRequired", false);
    await sealOnce({ kind: "startup" });
    sink.bulk(true);
    // The history's own writers, then each area (their audit entries go into `audit`).
    const ingestKey = await seedIntegrationKey(sink, audit, { label: "consent-banner", name: "Consent banner", scopes: ["consent:write"], createdBy: admin, at: START - 20 * DAY });
    const purposeIds = await seedPurposes(sink, audit, officer.actor);
    step("people, keys, purposes");
    const inventory = await seedInventory(sink, audit, officer, { assets: n("assets"), activities: n("activities") });
    step("inventory");
    await seedLedger(sink, audit, ingestKey, purposeIds, { events: n("consentEvents"), subjects: n("subjects") });
    step("consent ledger");
    await seedIncidents(sink, audit, officer, inventory.assetIds, n("incidents"));
    step("incidents and obligations");
    await seedOversight(sink, audit, { officer, admin, reviewers: byRole("reviewer") }, { decisions: n("decisions"), pending: Math.min(n("pendingDecisions"), n("decisions")), systems: n("aiSystems") });
    step("oversight decisions");
    await seedPosture(sink, audit, officer, n("controls"));
    step("controls and posture snapshots");
    const [state, head, written] = await Promise.all([db().auditTreeState.findUnique({ where: { id: 1 } }), db().auditTreeHead.findFirst({ orderBy: { headIndex: "desc" } }), db().auditEvent.count()]);
    audit.fill(n("auditEvents") - written, people.map((p) => ({ actor: p.actor, userId: p.id })), new Rng("audit-fill"), ANCHOR);
    const tree = await audit.write(sink, { treeSize: state?.treeSize ?? 0, frontier: state?.frontier ?? null, headIndex: head?.headIndex ?? 0, lastTimestamp: head?.timestamp.getTime() ?? 0 });
    sink.bulk(false);
    await db().auditTreeState.update({ where: { id: 1 }, data: { treeSize: tree.treeSize, frontier: tree.frontier, updatedAt: new Date() } });
    // The app's sealer checks the stored tree against the newest head and signs the shutdown head.
    await sealBeforeExit();
    step(`audit log (${tree.treeSize} events, sealed)`);
    // A bulk load leaves PostgreSQL without planner statistics (autovacuum may be off or not
    // there yet); the server would analyse at start-up, but the dataset should be ready as
    // a production database is (docs/decisions/702).
    if (dialect === "postgresql") {
      await db().$executeRaw`ANALYZE`;
      step("planner statistics (ANALYZE)");
    }
    const counts = await countTables();
    return {
      url: opts.url,
      dialect,
      scale: opts.scale,
      counts,
      logins: people.map((p) => ({ role: p.role, email: p.email, password: DEMO_PASSWORD })),
      apiKey,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
    };
  } finally {
    await disconnectDb();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    resetEnvCache();
    resetKeyCache();
  }
}
