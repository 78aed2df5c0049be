// Fixtures and bookkeeping for the API fuzz test: the route handlers by declaration, real
// records for path parameters, and one snapshot of every table's row count.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Prisma } from "@/generated/prisma/client";
import { ModelName } from "@/generated/prisma/internal/prismaNamespaceBrowser";
import type { Operation } from "@/lib/api/openapi";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { DECLARED } from "@/lib/server/api/route";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { createPurpose } from "@/lib/server/consent/purposes";
import { db } from "@/lib/server/db";
import { createActivity } from "@/lib/server/inventory/activities";
import { createAsset } from "@/lib/server/inventory/assets";
import { makeUser } from "@/lib/server/testing/factories";
import { activityInput, assetInput } from "../inventory/fixtures";
import { makeSystem, submit, systemKey, uid } from "../oversight/helpers";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? routeFiles(p) : name === "route.ts" ? [p] : [];
  });
}

export async function loadRoutes(): Promise<Map<string, Handler>> {
  const map = new Map<string, Handler>();
  for (const file of routeFiles(join(process.cwd(), "app/api/v1"))) {
    const mod = (await import(file)) as Record<string, (Handler & { [DECLARED]?: Operation }) | undefined>;
    for (const h of Object.values(mod)) {
      const op = typeof h === "function" ? h[DECLARED] : undefined;
      if (op) map.set(`${op.method} ${op.path}`, h as Handler);
    }
  }
  return map;
}

export type Fixtures = {
  officerEmail: string;
  reviewerEmail: string;
  auditorEmail: string;
  adminEmail: string;
  aiSystemId: string;
  purposeKey: string;
  /** Real values for each path parameter name. */
  ids: Record<string, string[]>;
};

export async function makeFixtures(): Promise<Fixtures> {
  const officer = await makeUser({ role: "compliance_officer", mfaEnrolled: true });
  const reviewer = await makeUser({ role: "reviewer", mfaEnrolled: true });
  const auditor = await makeUser({ role: "auditor", mfaEnrolled: true });
  const admin = await makeUser({ role: "admin", mfaEnrolled: true });
  const asset = await createAsset(SYSTEM_CLI, assetInput({ name: uid("fuzz asset") }));
  const activity = await createActivity(SYSTEM_CLI, activityInput({ name: uid("fuzz activity"), assetIds: [asset.id] }));
  const incident = await createIncident(SYSTEM_CLI, { title: uid("fuzz incident"), discoveredAt: "2031-05-04T10:00:00Z", affected: [{ jurisdiction: "DE", count: 5 }] });
  const { system, versionId } = await makeSystem({ rules: [] });
  const decision = await submit(await systemKey(system.id));
  const purpose = await createPurpose(SYSTEM_CLI, { key: `fuzz_${uid("p").replace(/-/g, "_")}`, title: "Fuzz", lawfulBasis: "consent" });
  const seq = await db().auditEvent.findFirst({ where: { seq: { not: null } }, select: { seq: true } });
  return {
    officerEmail: officer.email,
    reviewerEmail: reviewer.email,
    auditorEmail: auditor.email,
    adminEmail: admin.email,
    aiSystemId: system.id,
    purposeKey: purpose.key,
    ids: {
      id: [asset.id, activity.id, incident.id, system.id, decision.id],
      obligationId: incident.obligations.map((o: { id: string }) => o.id),
      versionId: [versionId],
      subjectId: ["s-1"],
      seq: seq?.seq ? [String(seq.seq)] : ["1"],
    },
  };
}

// One statement counting the tables asked for: a request per payload is the budget, not
// forty. The identifiers are Prisma's own model names (no @@map in the schema), never input.
export const TABLES: readonly string[] = Object.values(ModelName);
const statements = new Map<string, Prisma.Sql>();

// The audit log only grows (append-only, ids from a sequence) and is the largest table by
// far: its highest id changes exactly when a row is added, and is read from the index.
const countOf = (table: string) => (table === "AuditEvent" ? `SELECT COALESCE(MAX("id"), 0) FROM "AuditEvent"` : `SELECT COUNT(*) FROM "${table}"`);

/** Row count of each of `tables` (every table by default), by model name. */
export async function tableCounts(tables: readonly string[] = TABLES): Promise<Record<string, number>> {
  const key = tables.join(",");
  let sql = statements.get(key);
  if (!sql) {
    for (const t of tables) if (!TABLES.includes(t)) throw new Error(`no table ${t}`);
    sql = Prisma.sql([`SELECT ${tables.map((t, i) => `(${countOf(t)}) AS c${i}`).join(", ")}`]);
    statements.set(key, sql);
  }
  const [row] = await db().$queryRaw<Record<string, bigint | number>[]>(sql);
  return Object.fromEntries(tables.map((t, i) => [t, Number(row![`c${i}`])]));
}

/** The tables whose count differs between two snapshots, minus those a caller expects to change. */
export function changedTables(before: Record<string, number>, after: Record<string, number>, allowed: readonly string[] = []): string[] {
  return Object.keys(after).filter((t) => after[t] !== before[t] && !allowed.includes(t));
}
