// The standard benchmark dataset generator (scripts/bench/seed, docs/decisions/700) at a
// tiny scale, on two fresh databases of the dialect under test (the run's shared test
// database is not empty): the counts, determinism (two runs give the same business
// content), the audit log verifying with the app's verifier, and the app reading the data.
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate-api-key";
import { verifyAuditLog } from "@/lib/server/audit/verify-audit";
import { listIncidents } from "@/lib/server/breaches/query-incidents";
import { lookupSubjectConsent } from "@/lib/server/consent/subjects";
import { db, dialect, disconnectDb } from "@/lib/server/db";
import { resetKeyCache } from "@/lib/server/keys";
import { verifyPassword } from "@/lib/server/users/password";
import { seedStandardDataset, type SeedManifest } from "../../../scripts/bench/seed";
import { freshDatabase, type ScratchDatabase } from "../../../scripts/harness/databases.mjs";

const SCALE = 0.001;
const original = process.env.DATABASE_URL!;

function freshScratch(): Promise<ScratchDatabase> {
  const tag = `seed_${randomBytes(4).toString("hex")}`;
  return freshDatabase({ dialect: dialect(), name: tag, file: resolve("data/test", `${tag}.db`) });
}

async function use(url: string) {
  await disconnectDb();
  process.env.DATABASE_URL = url;
  resetEnvCache();
  resetKeyCache();
}

describe(`bench:seed at scale ${SCALE} (${dialect()})`, () => {
  const dbs: ScratchDatabase[] = [];
  let first: SeedManifest;

  beforeAll(async () => {
    // Migrated side by side: the migrations are most of this test's time.
    dbs.push(...(await Promise.all([freshScratch(), freshScratch()])));
    first = await seedStandardDataset({ url: dbs[0]!.url, scale: SCALE });
    await seedStandardDataset({ url: dbs[1]!.url, scale: SCALE });
  }, 120_000);

  afterAll(async () => {
    await use(original);
    for (const d of dbs) await d.drop();
  });

  it("writes the standard counts times the scale (at least 1 each), the logins and a key", () => {
    expect(first.dialect).toBe(dialect());
    expect(first.counts).toMatchObject({ ConsentEvent: 1000, ConsentSubject: 200, ConsentPurpose: 8, DataAsset: 10, ProcessingActivity: 2, Incident: 2, OversightDecision: 200, Control: 1, PostureSnapshot: 1096, User: 5 });
    // The log is filled up to the target; at this scale the areas' own entries (a posture
    // snapshot a day for three years alone) already pass it.
    expect(first.counts.AuditEvent).toBeGreaterThanOrEqual(1000);
    expect(first.counts.BreachObligation).toBeGreaterThan(0);
    expect(first.logins.map((l) => l.role).sort()).toEqual(["admin", "auditor", "compliance_officer", "reviewer", "reviewer"]);
    expect(first.apiKey).toMatch(/^ocd_/);
  });

  it("gives the same business content on two fresh databases", async () => {
    const read = async (url: string) => {
      await use(url);
      return {
        events: await db().consentEvent.findMany({ orderBy: { id: "asc" } }),
        states: await db().consentState.findMany({ orderBy: [{ subjectId: "asc" }, { purposeId: "asc" }] }),
        obligations: await db().breachObligation.findMany({ orderBy: { id: "asc" } }),
        decisions: await db().oversightDecision.findMany({ orderBy: { id: "asc" }, omit: { subjectRefEnc: true, inputsEnc: true, subjectRefHash: true } }),
      };
    };
    const [a, b] = [await read(dbs[0]!.url), await read(dbs[1]!.url)];
    expect(a.events).toHaveLength(1000);
    expect(b).toEqual(a);
  });

  it("leaves an audit log that the app's verifier accepts", async () => {
    await use(dbs[0]!.url);
    const report = await verifyAuditLog(SYSTEM_CLI, { record: false });
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ ok: true, events: first.counts.AuditEvent });
    expect(report.latestHead?.kind).toBe("shutdown");
  });

  it("is read by the app: a subject's consent, the incident list, pending decisions", async () => {
    await use(dbs[0]!.url);
    const state = await lookupSubjectConsent(SYSTEM_CLI, "subject-1@example.com");
    expect(state.purposes).toHaveLength(8);
    expect(state.purposes.some((p) => p.status !== "none")).toBe(true);
    const incidents = await listIncidents(SYSTEM_CLI, {});
    expect(incidents.items).toHaveLength(2);
    expect(await db().oversightDecision.count({ where: { status: "pending_review" } })).toBe(5);
  });

  it("hands out logins and an API key that work", async () => {
    await use(dbs[0]!.url);
    for (const login of first.logins) {
      const user = await db().user.findUniqueOrThrow({ where: { email: login.email } });
      expect(await verifyPassword(user.passwordHash, login.password)).toBe(true);
    }
    const actor = await authenticateApiKey(first.apiKey, null);
    expect(actor).toMatchObject({ kind: "api_key" });
    expect(actor.kind === "api_key" && actor.scopes).toContain("consent:read");
  });
});
