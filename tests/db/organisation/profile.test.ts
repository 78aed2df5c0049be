import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/v1/organisation/route";
import { POST as createIncidentRoute } from "@/app/api/v1/incidents/route";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { exportIncident } from "@/lib/server/breaches/export-incident";
import { getIncident } from "@/lib/server/breaches/query-incidents";
import { markObligationSent } from "@/lib/server/breaches/track-obligation";
import { db } from "@/lib/server/db";
import { actorFor, makeUser } from "@/lib/server/testing/factories";

let adminKey = "";
let officerKey = "";
let readKey = "";
let incidentKey = "";
beforeAll(async () => {
  const admin = await makeUser({ role: "admin", mfaEnrolled: true });
  const officer = await makeUser({ role: "compliance_officer", mfaEnrolled: true });
  adminKey = (await createApiKey(SYSTEM_CLI, { name: "org admin", scopes: ["organisation:write", "incidents:write"], userEmail: admin.email })).key;
  officerKey = (await createApiKey(SYSTEM_CLI, { name: "org officer", scopes: ["organisation:write"], userEmail: officer.email })).key;
  readKey = (await createApiKey(SYSTEM_CLI, { name: "org reader", scopes: ["organisation:read"] })).key;
  incidentKey = (await createApiKey(SYSTEM_CLI, { name: "incident writer", scopes: ["incidents:write"] })).key;
});

// The profile is one row that every later test file's incidents would read: remove it.
afterAll(async () => {
  await db().organisationProfile.deleteMany({});
  await db().setting.deleteMany({ where: { key: "org.timeZone" } });
});

const req = (method: string, key: string, body?: unknown) =>
  new Request("http://localhost/api/v1/organisation", { method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const noParams = { params: Promise.resolve({}) };

const PROFILE = {
  legalName: "Example Health Ltd",
  dpo: { name: "Dana Officer", email: "dpo@example.com", phone: "+353 1 555 0100", address: "1 Quay, Dublin" },
  timeZone: "Europe/Dublin",
  mainEstablishment: "IE",
  listedInUS: true,
  nis2: { entityType: "essential", memberStates: ["IE", "DE"] },
  doraFinancialEntity: false,
  nydfsCovered: false,
  ftcSafeguardsFinancialInstitution: false,
  phrVendor: false,
  californiaLicensedHealthFacility: false,
};

async function lastAudit(action: string) {
  const row = await db().auditEvent.findFirst({ where: { action }, orderBy: { id: "desc" } });
  return row ? { ...row, diff: row.diff ? (JSON.parse(row.diff) as Record<string, unknown>) : null } : null;
}

describe("/api/v1/organisation", () => {
  it("PUT on an admin-bound key saves, audits, mirrors the zone; GET returns it; wrong role 403; bad field 422 naming it", async () => {
    // Other files in this shared database may have saved a profile already: refusals must leave it as it was.
    const stored = await db().organisationProfile.findMany();
    const denied = await PUT(req("PUT", officerKey, PROFILE), noParams);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { message: string } }).error.message).toMatch(/bound to an admin/);
    const unbound = await PUT(req("PUT", readKey, PROFILE), noParams);
    expect(unbound.status).toBe(403);

    for (const [body, field] of [
      [{ ...PROFILE, timeZone: "Mars/Olympus" }, "timeZone"],
      [{ ...PROFILE, mainEstablishment: "Ireland" }, "mainEstablishment"],
      [{ ...PROFILE, nis2: { entityType: "vital", memberStates: ["IE"] } }, "nis2.entityType"],
      [{ ...PROFILE, nis2: { entityType: "important", memberStates: ["US"] } }, "nis2.memberStates.0"],
      [{ ...PROFILE, dpo: { email: "not-an-email" } }, "dpo.email"],
    ] as const) {
      const bad = await PUT(req("PUT", adminKey, body), noParams);
      expect(bad.status, field).toBe(422);
      expect(((await bad.json()) as { error: { message: string } }).error.message).toContain(field);
    }
    expect(await db().organisationProfile.findMany()).toEqual(stored);

    const ok = await PUT(req("PUT", adminKey, PROFILE), noParams);
    expect(ok.status).toBe(200);
    const got = await GET(req("GET", readKey), noParams);
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject(PROFILE);
    const audit = await lastAudit("organisation.update");
    expect(audit?.diff?.after).toMatchObject({ mainEstablishment: "IE", timeZone: "Europe/Dublin" });
    const setting = await db().setting.findUnique({ where: { key: "org.timeZone" } });
    expect(JSON.parse(setting!.value)).toBe("Europe/Dublin");

    // A partial PUT keeps the other fields.
    const partial = await PUT(req("PUT", adminKey, { listedInUS: false }), noParams);
    expect(await partial.json()).toMatchObject({ ...PROFILE, listedInUS: false });
    await PUT(req("PUT", adminKey, { listedInUS: true, timeZone: "UTC" }), noParams);
  });

  it("an incident gets SEC-8K, NIS2 and the GDPR lead-authority rows from the profile", async () => {
    await PUT(req("PUT", adminKey, { ...PROFILE, timeZone: "UTC" }), noParams);
    const res = await createIncidentRoute(
      new Request("http://localhost/api/v1/incidents", {
        method: "POST",
        headers: { authorization: `Bearer ${incidentKey}`, "content-type": "application/json" },
        body: JSON.stringify({ title: "Ransomware", discoveredAt: "2026-03-02T10:00:00Z", materialityDeterminedAt: "2026-03-04T15:00:00Z", affected: [{ jurisdiction: "DE", count: 40 }, { jurisdiction: "IE", count: 2 }] }),
      }),
      noParams,
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { obligations: { key: string; dueAt: string | null; dueRule: string }[] };
    const byKey = Object.fromEntries(body.obligations.map((o) => [o.key, o]));
    expect(byKey["SEC-8K:sec"]?.dueAt).toBe("2026-03-10T23:59:59.999Z");
    expect(byKey["NIS2:csirt:IE:early_warning"]?.dueAt).toBe("2026-03-03T10:00:00.000Z");
    expect(byKey["NIS2:csirt:DE:notification"]?.dueAt).toBe("2026-03-05T10:00:00.000Z");
    expect(byKey["GDPR:supervisory_authority:IE"]?.dueRule).toMatch(/Other concerned authorities: DE/);
    expect(byKey["GDPR:supervisory_authority:DE"]).toBeUndefined();
  });

  it("a profile change recomputes an open incident's obligations (sent rows stay frozen), audited", async () => {
    await PUT(req("PUT", adminKey, { ...PROFILE, timeZone: "UTC", mainEstablishment: null, listedInUS: false, nis2: null }), noParams);
    const officer = await actorFor("compliance_officer");
    const i = await createIncident(officer, { title: "Leak", discoveredAt: "2026-03-02T10:00:00Z", affected: [{ jurisdiction: "DE", count: 5 }, { jurisdiction: "FR", count: 5 }] });
    expect(i.obligations.map((o) => o.key)).toEqual(expect.arrayContaining(["GDPR:supervisory_authority:DE", "GDPR:supervisory_authority:FR"]));
    const fr = i.obligations.find((o) => o.key === "GDPR:supervisory_authority:FR")!;
    await markObligationSent(officer, i.id, fr.id, { sentAt: "2026-03-03T09:00:00Z", reference: "CNIL-1" });

    const put = await PUT(req("PUT", adminKey, { mainEstablishment: "DE", nydfsCovered: true }), noParams);
    expect(((await put.json()) as { recomputed: number }).recomputed).toBeGreaterThanOrEqual(1);
    const after = await getIncident(officer, i.id);
    const keys = after.obligations.map((o) => o.key);
    expect(keys).toContain("NYDFS:state_regulator:US-NY");
    expect(keys).toContain("GDPR:supervisory_authority:DE");
    // FR was sent: frozen, kept with applies = false now that DE leads.
    expect(after.obligations.find((o) => o.key === "GDPR:supervisory_authority:FR")).toMatchObject({ status: "sent", applies: false });
    const audit = await lastAudit("organisation.update");
    expect(Object.keys((audit?.diff?.recomputed ?? {}) as object)).toContain(after.reference);

    // Reports: the AI Act report only for an AI serious incident; the California text and the NIS2 draft export.
    const exporter = await actorFor("compliance_officer");
    await expect(exportIncident(exporter, i.id, "ai-act-art73.pdf")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(String((await exportIncident(exporter, i.id, "ca-notice.txt")).body)).toContain("What Happened");
    expect(((await exportIncident(exporter, i.id, "nis2-early-warning.pdf")).body as Buffer).subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("which profile changes move deadlines", () => {
  it("the legal name and the DPO's contact do not (no incident is walked through); the zone and the regime facts do", async () => {
    const { obligationFactsChanged } = await import("@/lib/server/organisation/profile");
    const base = PROFILE as Parameters<typeof obligationFactsChanged>[0];
    expect(obligationFactsChanged(base, { ...base, legalName: "Renamed Ltd", dpo: { ...base.dpo, email: "new@example.com" } })).toBe(false);
    // The stored DTO and a parsed body list keys in other orders: still no change.
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as typeof base;
    expect(obligationFactsChanged(base, { ...reordered, nis2: { memberStates: ["IE", "DE"], entityType: "essential" } })).toBe(false);
    expect(obligationFactsChanged(base, { ...base, timeZone: "UTC" })).toBe(true);
    expect(obligationFactsChanged(base, { ...base, nis2: { entityType: "essential", memberStates: ["IE"] } })).toBe(true);
    expect(obligationFactsChanged(base, { ...base, nydfsCovered: true })).toBe(true);
  });
});
