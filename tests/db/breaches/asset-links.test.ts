// Incident <-> inventory asset links (issue 5): stored with the incident in one transaction,
// unknown ids refused with nothing written, `encrypted` / categories / phi pre-filled from the
// assets unless the client states them, and the permission checks.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOne, PATCH } from "@/app/api/v1/incidents/[id]/route";
import { POST as create } from "@/app/api/v1/incidents/route";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { SYSTEM_CLI, type Actor } from "@/lib/server/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { listIncidentsForAsset, searchLinkableAssets } from "@/lib/server/breaches/incident-assets";
import { getIncident } from "@/lib/server/breaches/query-incidents";
import { updateIncident } from "@/lib/server/breaches/update-incident";
import { db } from "@/lib/server/db";
import { createAsset } from "@/lib/server/inventory/assets";
import { actorFor } from "@/lib/server/testing/factories";
import { assetInput } from "../inventory/fixtures";

// 45 CFR 164.404 (individuals), 164.406 (media, > 500 in a state), Cal. Civ. Code 1798.82 (residents).
const PHI_CA = {
  title: "Backup tape lost in transit",
  discoveredAt: "2026-03-02T10:00:00Z",
  affected: [{ jurisdiction: "US-CA", count: 700 }],
};
const keys = (i: { obligations: { key: string }[] }) => i.obligations.map((o) => o.key).sort();

let officer: Actor;
let encryptedPhi: string; // customer-managed keys, PHI
let providerEncrypted: string; // provider-managed keys, contact data
let plainSsn: string; // no encryption at rest, SSNs
let noPersonalData: string; // unencrypted, no personal data

beforeAll(async () => {
  officer = await actorFor("compliance_officer");
  encryptedPhi = (await createAsset(officer, assetInput({ name: `EHR vault ${Math.random()}`, dataCategories: ["phi", "identity"], encryptionAtRest: "customer_managed" }))).id;
  providerEncrypted = (await createAsset(officer, assetInput({ name: `CRM ${Math.random()}`, dataCategories: ["contact"], encryptionAtRest: "provider_managed" }))).id;
  plainSsn = (await createAsset(officer, assetInput({ name: `Legacy HR share ${Math.random()}`, dataCategories: ["ssn"], encryptionAtRest: "none" }))).id;
  noPersonalData = (await createAsset(officer, assetInput({ name: `Build cache ${Math.random()}`, dataCategories: [], subjectCategories: [], encryptionAtRest: "none" }))).id;
});

async function lastAudit(action: string, entityId: string) {
  const row = await db().auditEvent.findFirst({ where: { action, entityId }, orderBy: { id: "desc" } });
  return row?.diff ? JSON.parse(row.diff) : null;
}

describe("createIncident with assetIds", () => {
  it("stores the links in the incident's transaction and returns each asset's security summary", async () => {
    const i = await createIncident(officer, { ...PHI_CA, assetIds: [encryptedPhi, plainSsn, encryptedPhi] });
    expect((await db().incidentAsset.findMany({ where: { incidentId: i.id } })).map((l) => l.assetId).sort()).toEqual([encryptedPhi, plainSsn].sort());
    const byId = Object.fromEntries(i.assets.map((a) => [a.id, a]));
    expect(byId[encryptedPhi]).toMatchObject({ encryptedAtRest: true, encryptionAtRest: "customer_managed", personalDataCategories: ["phi", "identity"] });
    expect(byId[plainSsn]).toMatchObject({ encryptedAtRest: false, encryptionAtRest: "none", personalDataCategories: ["ssn"] });
    expect((await getIncident(officer, i.id)).assets.map((a) => a.id).sort()).toEqual([encryptedPhi, plainSsn].sort());
    const audit = await lastAudit("incident.create", i.id);
    expect(audit.assets.map((a: { id: string }) => a.id).sort()).toEqual([encryptedPhi, plainSsn].sort());
    expect(audit.prefilled).toMatchObject({ encrypted: false, encryptedSource: "assets" });
  });

  it("refuses unknown ids with a 422 that names them, and writes nothing", async () => {
    const before = { incidents: await db().incident.count(), links: await db().incidentAsset.count(), audits: await db().auditEvent.count({ where: { action: "incident.create" } }) };
    const err = await createIncident(officer, { ...PHI_CA, assetIds: [encryptedPhi, "no-such-asset", "ghost-2"] }).catch((e) => e);
    expect(err).toMatchObject({ code: "VALIDATION" });
    expect(err.message).toContain("no-such-asset");
    expect(err.message).toContain("ghost-2");
    expect(err.message).not.toContain(encryptedPhi);
    expect(await db().incident.count()).toBe(before.incidents);
    expect(await db().incidentAsset.count()).toBe(before.links);
    expect(await db().auditEvent.count({ where: { action: "incident.create" } })).toBe(before.audits);
  });

  it("HIPAA 164.402 / Cal. Civ. Code 1798.82: every personal-data asset encrypted -> encrypted pre-filled, no individual notices", async () => {
    const i = await createIncident(officer, { ...PHI_CA, assetIds: [encryptedPhi, providerEncrypted, noPersonalData] });
    expect(i.encrypted).toBe(true);
    expect(i.encryptedSource).toBe("assets");
    expect(i.phi).toBe(true); // pre-filled from the PHI category
    expect(i.dataCategories).toEqual(["Identity (name, date of birth)", "Contact details (email, phone, address)", "Protected health information (PHI)"]);
    expect(keys(i).filter((k) => k.startsWith("HIPAA") || k.startsWith("US-CA"))).toEqual([]);
  });

  it("one unencrypted personal-data asset -> encrypted false, HIPAA and California notices due", async () => {
    const i = await createIncident(officer, { ...PHI_CA, assetIds: [encryptedPhi, plainSsn] });
    expect(i.encrypted).toBe(false);
    expect(keys(i)).toEqual(expect.arrayContaining(["HIPAA:individuals", "HIPAA:media:US-CA", "US-CA:individuals", "US-CA:attorney_general"]));
  });

  it("an explicit client value always wins: encrypted false (keys compromised), own categories, phi false", async () => {
    const i = await createIncident(officer, { ...PHI_CA, encrypted: false, dataCategories: ["patient names"], phi: false, assetIds: [encryptedPhi] });
    expect(i).toMatchObject({ encrypted: false, encryptedSource: "client", dataCategories: ["patient names"], phi: false });
    expect(keys(i)).toContain("US-CA:individuals");
  });

  it("without assets nothing is pre-filled (default: not encrypted)", async () => {
    const i = await createIncident(officer, PHI_CA);
    expect(i).toMatchObject({ encrypted: false, encryptedSource: "default", dataCategories: [], phi: false, assets: [] });
  });
});

describe("updateIncident with assetIds", () => {
  it("replaces the links, re-derives a pre-filled answer and recomputes the obligations", async () => {
    const i = await createIncident(officer, { ...PHI_CA, assetIds: [plainSsn] });
    expect(keys(i)).toContain("US-CA:individuals");
    const u = await updateIncident(officer, i.id, { assetIds: [providerEncrypted] });
    expect(u.assets.map((a) => a.id)).toEqual([providerEncrypted]);
    expect(u.encrypted).toBe(true);
    expect(keys(u)).not.toContain("US-CA:individuals");
    expect(await db().incidentAsset.count({ where: { incidentId: i.id } })).toBe(1);
    const audit = await lastAudit("incident.update", i.id);
    expect(audit.assets).toMatchObject({ added: [{ id: providerEncrypted }], removed: [plainSsn] });
    expect(audit.facts.encrypted).toEqual({ from: false, to: true });
  });

  it("never overwrites an answer a person stated: encrypted false stays when encrypted assets are linked later", async () => {
    const i = await createIncident(officer, { ...PHI_CA, encrypted: false });
    const u = await updateIncident(officer, i.id, { assetIds: [encryptedPhi] });
    expect(u).toMatchObject({ encrypted: false, encryptedSource: "client" });
    const explicit = await updateIncident(officer, i.id, { assetIds: [encryptedPhi], encrypted: true });
    expect(explicit).toMatchObject({ encrypted: true, encryptedSource: "client" });
  });

  it("an unknown id on update changes nothing (facts, links, version)", async () => {
    const i = await createIncident(officer, { ...PHI_CA, assetIds: [plainSsn] });
    await expect(updateIncident(officer, i.id, { title: "renamed", assetIds: ["missing-asset"] })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("missing-asset") });
    const after = await getIncident(officer, i.id);
    expect(after).toMatchObject({ title: PHI_CA.title, version: i.version, encrypted: false });
    expect(after.assets.map((a) => a.id)).toEqual([plainSsn]);
  });
});

describe("permissions", () => {
  it("a reviewer cannot link (nor read the incidents of an asset); an auditor reads but cannot link", async () => {
    const reviewer = await actorFor("reviewer");
    const auditor = await actorFor("auditor");
    const i = await createIncident(officer, PHI_CA);
    await expect(createIncident(reviewer, { ...PHI_CA, assetIds: [encryptedPhi] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateIncident(reviewer, i.id, { assetIds: [encryptedPhi] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateIncident(auditor, i.id, { assetIds: [encryptedPhi] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().incidentAsset.count({ where: { incidentId: i.id } })).toBe(0);
    await expect(listIncidentsForAsset(reviewer, encryptedPhi)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(searchLinkableAssets(auditor, "EHR")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  const matrix: Record<Role, { link: boolean; incidentsOfAsset: boolean }> = {
    admin: { link: true, incidentsOfAsset: true },
    compliance_officer: { link: true, incidentsOfAsset: true },
    auditor: { link: false, incidentsOfAsset: true },
    reviewer: { link: false, incidentsOfAsset: false },
  };
  it.each(ROLES)("matrix: %s", async (role) => {
    const actor = await actorFor(role);
    const outcome = (p: Promise<unknown>) => p.then(() => true, (e: { code?: string }) => { if (e.code !== "FORBIDDEN") throw e; return false; });
    expect(await outcome(createIncident(actor, { ...PHI_CA, assetIds: [providerEncrypted] }))).toBe(matrix[role].link);
    expect(await outcome(searchLinkableAssets(actor, ""))).toBe(matrix[role].link);
    expect(await outcome(listIncidentsForAsset(actor, providerEncrypted))).toBe(matrix[role].incidentsOfAsset);
  });

  it("the asset page list shows the incidents that involve the asset", async () => {
    const i = await createIncident(officer, { ...PHI_CA, title: "Involves the SSN share", assetIds: [plainSsn] });
    const list = await listIncidentsForAsset(officer, plainSsn);
    expect(list.find((x) => x.id === i.id)).toMatchObject({ reference: i.reference, title: "Involves the SSN share", encrypted: false });
    expect((await listIncidentsForAsset(officer, noPersonalData)).find((x) => x.id === i.id)).toBeUndefined();
  });

  it("the wizard's search finds assets by name with their encryption", async () => {
    const found = await searchLinkableAssets(officer, "ehr vault");
    expect(found.find((a) => a.id === encryptedPhi)).toMatchObject({ encryptedAtRest: true, encryptionAtRest: "customer_managed" });
    expect(found.find((a) => a.id === plainSsn)).toBeUndefined();
  });
});

describe("/api/v1/incidents with assetIds", () => {
  const req = (method: string, path: string, key: string, body?: unknown) =>
    new Request(`http://localhost${path}`, { method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const params = <P>(p: P) => ({ params: Promise.resolve(p) });

  it("POST links and pre-fills, GET returns assets[], PATCH relinks, unknown ids are 422; an incidents-only key works", async () => {
    const key = (await createApiKey(SYSTEM_CLI, { name: "breach-linker", scopes: ["incidents:write"] })).key;
    const res = await create(req("POST", "/api/v1/incidents", key, { ...PHI_CA, assetIds: [encryptedPhi] }), params({}));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; encrypted: boolean; obligations: { key: string }[] };
    expect(body.encrypted).toBe(true);
    expect(body.obligations.some((o) => o.key === "US-CA:individuals")).toBe(false);
    const got = (await (await getOne(req("GET", `/api/v1/incidents/${body.id}`, key), params({ id: body.id }))).json()) as { assets: unknown[] };
    expect(got.assets).toEqual([{ id: encryptedPhi, name: expect.stringContaining("EHR vault"), encryptedAtRest: true, encryptionAtRest: "customer_managed", personalDataCategories: ["phi", "identity"] }]);
    const bad = await PATCH(req("PATCH", `/api/v1/incidents/${body.id}`, key, { assetIds: ["nope-1"] }), params({ id: body.id }));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("nope-1");
    const patched = await PATCH(req("PATCH", `/api/v1/incidents/${body.id}`, key, { assetIds: [plainSsn] }), params({ id: body.id }));
    expect(patched.status).toBe(200);
    const p = (await patched.json()) as { encrypted: boolean; assets: { id: string }[]; obligations: { key: string }[] };
    expect(p.encrypted).toBe(false);
    expect(p.assets.map((a) => a.id)).toEqual([plainSsn]);
    expect(p.obligations.some((o) => o.key === "US-CA:individuals")).toBe(true);
    const unknown = await create(req("POST", "/api/v1/incidents", key, { ...PHI_CA, assetIds: ["ghost"] }), params({}));
    expect(unknown.status).toBe(422);
  });
});
