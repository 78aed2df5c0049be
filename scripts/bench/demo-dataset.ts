// Stand-in for the standard-dataset generator (scripts/bench/seed/index.ts, `bench:seed`)
// until it lands: the demo seed behind the same signature, so the harness does not change
// when the real generator replaces it. It ignores `scale` (the demo data has one size).
// Expects an empty migrated database at `url`; reads the app's secrets from process.env.
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-users.mjs";

export type SeedManifest = {
  url: string;
  dialect: "sqlite" | "postgresql";
  scale: number;
  counts: Record<string, number>;
  logins: { role: string; email: string; password: string }[];
  apiKey: string;
  seconds: number;
};

export async function seedStandardDataset({ url, scale, log }: { url: string; scale: number; log?: (line: string) => void }): Promise<SeedManifest> {
  process.env.DATABASE_URL = url;
  const t0 = performance.now();
  const { SYSTEM_CLI } = await import("@/lib/server/actor");
  const { db } = await import("@/lib/server/db");
  const { databaseDialect } = await import("@/lib/env");
  const { seedDemo } = await import("@/lib/server/demo/seed-demo");
  const { createApiKey } = await import("@/lib/server/api-keys/create-api-key");
  log?.("demo seed (stand-in for the standard dataset; scale is ignored)");
  await seedDemo(DEMO_USERS, DEMO_PASSWORD);
  const key = await createApiKey(SYSTEM_CLI, { name: "bench", scopes: ["consent:read", "consent:write"] });
  const d = db();
  const counts = {
    auditEvents: await d.auditEvent.count(),
    consentEvents: await d.consentEvent.count(),
    incidents: await d.incident.count(),
    decisions: await d.oversightDecision.count(),
    assets: await d.dataAsset.count(),
  };
  return { url, dialect: databaseDialect(url), scale, counts, logins: DEMO_USERS.map((u) => ({ role: u.role, email: u.email, password: DEMO_PASSWORD })), apiKey: key.key, seconds: (performance.now() - t0) / 1000 };
}
