import { beforeAll, describe, expect, it } from "vitest";
import { GET as listControlsApi } from "@/app/api/v1/controls/route";
import { GET as coverageApi } from "@/app/api/v1/frameworks/[id]/coverage/route";
import { GET as frameworkApi } from "@/app/api/v1/frameworks/[id]/route";
import { GET as frameworksApi } from "@/app/api/v1/frameworks/route";
import { SYSTEM_CLI, type Actor } from "@/lib/server/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { db } from "@/lib/server/db";
import { frameworkDetail, listFrameworks } from "@/lib/server/posture/frameworks/coverage";
import { dueEvidenceExpiry } from "@/lib/server/posture/frameworks/evidence-expiry";
import { addCrosswalk, mapControl, removeCrosswalk, setApplicability, unmapControl } from "@/lib/server/posture/frameworks/mappings";
import { seedFrameworks } from "@/lib/server/posture/frameworks/seed";
import { reviewControl } from "@/lib/server/posture/review-control";
import { seedControlCatalogue } from "@/lib/server/posture/seed-catalogue";
import { actorFor } from "@/lib/server/testing/factories";

async function code(p: Promise<unknown>): Promise<string> {
  try { await p; return "ok"; } catch (e) { return (e as { code?: string }).code ?? String(e); }
}
const req = (path: string, key: string) => new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${key}` } });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const reqStatus = async (fw: string, identifier: string) =>
  (await frameworkDetail(officer, fw)).coverage.requirements.find((r) => r.requirementId === `${fw}:${identifier}`)!;

let officer: Actor;
let viewer: Actor;
let readKey = "";
let otherKey = "";
beforeAll(async () => {
  await seedControlCatalogue(SYSTEM_CLI);
  await seedFrameworks(SYSTEM_CLI);
  officer = await actorFor("compliance_officer");
  viewer = await actorFor("auditor");
  readKey = (await createApiKey(SYSTEM_CLI, { name: "fw-reader", scopes: ["posture:read"] })).key;
  otherKey = (await createApiKey(SYSTEM_CLI, { name: "fw-other", scopes: ["incidents:read"] })).key;
});

describe("framework seed", () => {
  it("loads every catalogue with its requirement counts, and a second run adds nothing", async () => {
    expect(await db().requirement.count({ where: { frameworkId: "nist-csf-2.0", assessable: true } })).toBe(106);
    expect(await db().requirement.count({ where: { frameworkId: "nist-ai-rmf-1.0", assessable: true } })).toBe(72);
    expect(await db().requirement.count({ where: { frameworkId: "iso-27001-2022", assessable: true } })).toBe(93);
    const child = await db().requirement.findUnique({ where: { id: "hipaa-security:164.308(a)(1)(ii)(A)" }, select: { parentId: true, attributes: true } });
    expect(child).toEqual({ parentId: "hipaa-security:164.308(a)(1)", attributes: JSON.stringify({ kind: "implementation_specification", specification: "required" }) });
    expect(await db().requirementMapping.count()).toBeGreaterThan(50);
    expect(await seedFrameworks(SYSTEM_CLI)).toEqual({ frameworks: 0, requirements: 0, mappings: 0, crosswalks: 0 });
  });
});

describe("coverage", () => {
  it("a control mapped to three frameworks counts in each, with its evidence", async () => {
    // SEC-VULN-PATCH (manually reviewed) is the only control mapped to HIPAA 164.308(a)(5)(ii)(B),
    // CSF ID.RA-01 and ISO A.8.8.
    const before = (await listFrameworks(officer)).find((f) => f.id === "iso-27001-2022")!.coverage;
    const targets = [["hipaa-security", "164.308(a)(5)(ii)(B)"], ["nist-csf-2.0", "ID.RA-01"], ["iso-27001-2022", "A.8.8"]] as const;
    for (const [fw, id] of targets) expect((await reqStatus(fw, id)).status).toBe("not_satisfied");
    await reviewControl(officer, { controlId: "SEC-VULN-PATCH", status: "satisfied", links: ["https://example.test/scan-report"] });
    for (const [fw, id] of targets) {
      expect(await reqStatus(fw, id)).toMatchObject({ status: "satisfied", controlIds: ["SEC-VULN-PATCH"], evidenceCount: 1 });
    }
    const after = (await listFrameworks(officer)).find((f) => f.id === "iso-27001-2022")!.coverage;
    expect(after.satisfied).toBe(before.satisfied + 1);
    expect(after.not_satisfied).toBe(before.not_satisfied - 1);
    expect(after.assessable).toBe(93);
    expect(after.satisfied + after.partial + after.not_satisfied + after.not_applicable + after.unmapped).toBe(93);
  });
  it("counts a requirement not applicable with its reason, and applicable again", async () => {
    const id = "hipaa-security:164.308(a)(4)(ii)(A)";
    expect(await code(setApplicability(officer, { requirementId: id, applicable: false, reason: "" }))).toBe("VALIDATION");
    expect(await code(setApplicability(viewer, { requirementId: id, applicable: false, reason: "Not a clearinghouse" }))).toBe("FORBIDDEN");
    await setApplicability(officer, { requirementId: id, applicable: false, reason: "We are not a health care clearinghouse" });
    expect(await reqStatus("hipaa-security", "164.308(a)(4)(ii)(A)")).toMatchObject({ status: "not_applicable", reason: "We are not a health care clearinghouse" });
    const audit = await db().auditEvent.findFirst({ where: { action: "posture.requirement.applicability", entityId: id }, orderBy: { seq: "desc" } });
    expect(audit).not.toBeNull();
    await setApplicability(officer, { requirementId: id, applicable: true });
    expect((await reqStatus("hipaa-security", "164.308(a)(4)(ii)(A)")).status).toBe("unmapped");
  });
  it("expired evidence does not count and makes a satisfied review partial; the reminder hook lists it", async () => {
    const now = new Date();
    await reviewControl(officer, { controlId: "SEC-TRAINING", status: "satisfied", links: ["https://example.test/training"], evidenceExpiresAt: new Date(now.getTime() - 86_400_000).toISOString() });
    const r = await reqStatus("nist-csf-2.0", "PR.AT-01");
    expect(r).toMatchObject({ status: "partial", evidenceCount: 0 });
    const due = await dueEvidenceExpiry(now);
    expect(due.find((d) => d.controlId === "SEC-TRAINING")).toMatchObject({ state: "expired", name: "https://example.test/training" });
    await reviewControl(officer, { controlId: "SEC-TRAINING", status: "satisfied", links: ["https://example.test/training-2"], evidenceExpiresAt: new Date(now.getTime() + 10 * 86_400_000).toISOString() });
    expect(await reqStatus("nist-csf-2.0", "PR.AT-01")).toMatchObject({ status: "satisfied", evidenceCount: 1 });
    expect((await dueEvidenceExpiry(now)).find((d) => d.controlId === "SEC-TRAINING")).toMatchObject({ state: "expires_soon" });
  });
});

describe("mapping edits", () => {
  it("maps, re-words and unmaps a control, each audited; refuses unknown ids and readers", async () => {
    const m = { controlId: "SEC-MFA", requirementId: "soc2-tsc:CC6.1", rationale: "MFA is part of logical access security." };
    expect(await code(mapControl(viewer, m))).toBe("FORBIDDEN");
    expect(await code(mapControl(officer, { ...m, requirementId: "soc2-tsc:NOPE" }))).toBe("VALIDATION");
    expect(await code(mapControl(officer, { ...m, rationale: "" }))).toBe("VALIDATION");
    expect(await mapControl(officer, m)).toEqual({ created: true });
    expect(await mapControl(officer, { ...m, rationale: "Reworded." })).toEqual({ created: false });
    expect((await reqStatus("soc2-tsc", "CC6.1")).controlIds).toEqual(["SEC-MFA"]);
    await unmapControl(officer, m);
    expect((await reqStatus("soc2-tsc", "CC6.1")).status).toBe("unmapped");
    const actions = (await db().auditEvent.findMany({ where: { entityId: "SEC-MFA|soc2-tsc:CC6.1" }, orderBy: { id: "asc" }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(["posture.mapping.create", "posture.mapping.update", "posture.mapping.delete"]);
    expect(await code(unmapControl(officer, m))).toBe("NOT_FOUND");
  });
  it("adds and removes a crosswalk; a duplicate is 409 CONFLICT", async () => {
    const x = { fromId: "gdpr:Art. 32", toId: "iso-27001-2022:A.5.34", source: "Our DPO's reading, 2026" };
    const { id } = await addCrosswalk(officer, x);
    expect(await code(addCrosswalk(officer, x))).toBe("CONFLICT");
    expect(await code(addCrosswalk(officer, { ...x, toId: x.fromId }))).toBe("VALIDATION");
    await removeCrosswalk(officer, { id });
    expect(await db().auditEvent.count({ where: { entityId: id, action: { in: ["posture.crosswalk.create", "posture.crosswalk.delete"] } } })).toBe(2);
  });
});

describe("frameworks API", () => {
  it("lists frameworks with coverage, returns requirements and coverage, 404 for unknown, 403 without posture:read", async () => {
    const list = await frameworksApi(req("/api/v1/frameworks", readKey), params({}));
    expect(list.status).toBe(200);
    const body = (await list.json()) as { frameworks: { id: string; coverage: { assessable: number } }[] };
    expect(body.frameworks.find((f) => f.id === "nist-csf-2.0")!.coverage.assessable).toBe(106);
    const one = await frameworkApi(req("/api/v1/frameworks/nist-ai-rmf-1.0", readKey), params({ id: "nist-ai-rmf-1.0" }));
    expect(((await one.json()) as { requirements: unknown[] }).requirements).toHaveLength(95);
    const cov = await coverageApi(req("/api/v1/frameworks/hipaa-security/coverage", readKey), params({ id: "hipaa-security" }));
    const c = (await cov.json()) as { requirements: { identifier: string; controls: { id: string }[] }[] };
    expect(c.requirements.find((r) => r.identifier === "164.312(a)(2)(iv)")!.controls.map((x) => x.id)).toContain("SEC-ENC-REST");
    expect((await frameworkApi(req("/api/v1/frameworks/nope", readKey), params({ id: "nope" }))).status).toBe(404);
    expect((await frameworksApi(req("/api/v1/frameworks", otherKey), params({}))).status).toBe(403);
    expect((await coverageApi(req("/api/v1/frameworks/gdpr/coverage", otherKey), params({ id: "gdpr" }))).status).toBe(403);
  });
  it("GET /api/v1/controls includes each control's mapped requirements", async () => {
    const res = await listControlsApi(req("/api/v1/controls?pageSize=100", readKey), params({}));
    const body = (await res.json()) as { controls: { id: string; requirements: { requirementId: string; rationale: string }[] }[] };
    const enc = body.controls.find((c) => c.id === "SEC-ENC-REST")!;
    expect(enc.requirements.map((r) => r.requirementId)).toEqual(expect.arrayContaining(["hipaa-security:164.312(a)(2)(iv)", "nist-csf-2.0:PR.DS-01", "iso-27001-2022:A.8.24"]));
  });
});
