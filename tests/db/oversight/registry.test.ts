import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/permissions";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { db } from "@/lib/server/db";
import { oversightControlFindings } from "@/lib/server/oversight/control-findings";
import { getEscalationPolicy, putEscalationPolicy } from "@/lib/server/oversight/policy";
import { approveModelVersion, createAiSystem, createModelVersion, listAiSystems, retireModelVersion, rotateCallbackSecret, updateAiSystem } from "@/lib/server/oversight/registry";
import { actorFor, makeUser } from "@/lib/server/testing/factories";
import { codeOf, keyActor, makeSystem, sha, submit, systemKey, SYSTEM_CLI, uid } from "./helpers";

const run = promisify(execFile);
const body = () => ({ name: uid("Triage"), purpose: "Flags scans for a radiologist", riskTier: "high" });

describe("oversight registry: permission matrix", () => {
  it.each(ROLES)("createAiSystem as %s", async (role) => {
    const actor = await actorFor(role);
    const allowed = role === "admin" || role === "compliance_officer";
    if (allowed) expect((await createAiSystem(actor, body())).callbackSecret).toMatch(/^whsec_/);
    else expect(await codeOf(createAiSystem(actor, body()))).toBe("FORBIDDEN");
  });

  it.each(ROLES)("listAiSystems as %s (everyone with oversight:read)", async (role) => {
    expect(Array.isArray(await listAiSystems(await actorFor(role)))).toBe(true);
  });

  it.each(["reviewer", "auditor"] as const)("putEscalationPolicy and approveModelVersion are refused to %s", async (role) => {
    const { system, officer } = await makeSystem();
    const v = await createModelVersion(officer, system.id, { version: "v2", artifactSha256: sha() });
    const actor = await actorFor(role);
    expect(await codeOf(putEscalationPolicy(actor, system.id, { rules: [] }))).toBe("FORBIDDEN");
    expect(await codeOf(approveModelVersion(actor, system.id, v.id))).toBe("FORBIDDEN");
    expect((await db().aiModelVersion.findUnique({ where: { id: v.id } }))!.status).toBe("draft");
  });
});

describe("oversight registry: rules", () => {
  it("refuses bad input: unknown risk tier, malformed SHA-256, retention below six months (AI Act Art. 26(6))", async () => {
    const o = await actorFor("compliance_officer");
    expect(await codeOf(createAiSystem(o, { ...body(), riskTier: "extreme" }))).toBe("VALIDATION");
    expect(await codeOf(createAiSystem(o, { ...body(), retentionDays: 182 }))).toBe("VALIDATION");
    // Six calendar months can be 184 days (1 March to 1 September): 183 is refused.
    expect(await codeOf(createAiSystem(o, { ...body(), retentionDays: 183 }))).toBe("VALIDATION");
    const { system } = await makeSystem();
    expect(await codeOf(createModelVersion(o, system.id, { version: "v9", artifactSha256: "abc" }))).toBe("VALIDATION");
    expect(await codeOf(updateAiSystem(o, system.id, { retentionDays: 30 }))).toBe("VALIDATION");
    expect(await codeOf(createAiSystem(o, { name: "" }))).toBe("VALIDATION");
  });

  it("a model version is approved by a named person, once; the operator's shell cannot approve", async () => {
    const { system, officer } = await makeSystem();
    const v = await createModelVersion(officer, system.id, { version: "v2", artifactSha256: sha(), trainingDataRef: "s3://datasets/credit-2026q3" });
    expect(await codeOf(approveModelVersion(SYSTEM_CLI, system.id, v.id))).toBe("FORBIDDEN");
    const approved = await approveModelVersion(officer, system.id, v.id);
    expect(approved).toMatchObject({ status: "approved", approvedBy: officer.email });
    expect(await codeOf(approveModelVersion(officer, system.id, v.id))).toBe("CONFLICT");
    expect(await codeOf(createModelVersion(officer, system.id, { version: "v2", artifactSha256: sha() }))).toBe("CONFLICT");
  });

  it("another system's version id is not found under this system", async () => {
    const a = await makeSystem();
    const b = await makeSystem();
    const v = await createModelVersion(b.officer, b.system.id, { version: "v5", artifactSha256: sha() });
    expect(await codeOf(approveModelVersion(a.officer, a.system.id, v.id))).toBe("NOT_FOUND");
  });

  it("a policy with one bad rule writes nothing (atomic) and a good one is stored with its revision", async () => {
    const { system, officer } = await makeSystem();
    expect(await codeOf(putEscalationPolicy(officer, system.id, { rules: [{ when: {}, action: "review", approvals: 2 }, { when: {}, action: "approve_on_timeout" }] }))).toBe("VALIDATION");
    expect(await getEscalationPolicy(officer, system.id)).toBeNull();
    await putEscalationPolicy(officer, system.id, { rules: [{ when: { impact: "low" }, action: "auto_accept" }] });
    const p = await putEscalationPolicy(officer, system.id, { rules: [{ when: {}, action: "review", approvals: 2, slaHours: 4, onTimeout: "escalate" }] });
    expect(p.revision).toBe(2);
    const events = await db().auditEvent.findMany({ where: { action: "oversight.policy.put", entityId: system.id } });
    expect(events).toHaveLength(2);
  });

  it("rotating the callback secret returns a new one", async () => {
    const o = await actorFor("admin");
    const created = await createAiSystem(o, body());
    const rotated = await rotateCallbackSecret(o, created.id);
    expect(rotated.callbackSecret).not.toBe(created.callbackSecret);
    expect(await codeOf(rotateCallbackSecret(await actorFor("reviewer"), created.id))).toBe("FORBIDDEN");
  });
});

describe("API keys bound for oversight (issue 6)", () => {
  it("oversight:admin keys must be bound to a compliance officer or admin", async () => {
    const reviewer = await makeUser({ role: "reviewer" });
    const off = await makeUser({ role: "compliance_officer", mfaEnrolled: true });
    expect(await codeOf(createApiKey(SYSTEM_CLI, { name: "mlops", scopes: ["oversight:admin"] }))).toBe("VALIDATION");
    expect(await codeOf(createApiKey(SYSTEM_CLI, { name: "mlops", scopes: ["oversight:admin"], userEmail: reviewer.email }))).toBe("VALIDATION");
    const actor = await keyActor({ scopes: ["oversight:admin"], userEmail: off.email });
    const s = await createAiSystem(actor, body());
    const v = await createModelVersion(actor, s.id, { version: "2026.11", artifactSha256: sha() });
    expect((await approveModelVersion(actor, s.id, v.id)).approvedBy).toBe(off.email);
  });

  it("decisions:write needs an AI system; a system's key carries only decisions scopes; an unknown system is refused", async () => {
    const { system } = await makeSystem();
    expect(await codeOf(createApiKey(SYSTEM_CLI, { name: "s", scopes: ["decisions:write"] }))).toBe("VALIDATION");
    expect(await codeOf(createApiKey(SYSTEM_CLI, { name: "s", scopes: ["decisions:write", "audit:read"], aiSystemId: system.id }))).toBe("VALIDATION");
    expect(await codeOf(createApiKey(SYSTEM_CLI, { name: "s", scopes: ["decisions:review"], aiSystemId: system.id }))).toBe("VALIDATION");
    expect(await codeOf(createApiKey(SYSTEM_CLI, { name: "s", scopes: ["decisions:write"], aiSystemId: "nope" }))).toBe("NOT_FOUND");
    expect(await codeOf(createApiKey(SYSTEM_CLI, { name: "r", scopes: ["decisions:review"] }))).toBe("VALIDATION");
    const actor = await systemKey(system.id);
    expect(actor).toMatchObject({ kind: "api_key", aiSystemId: system.id });
    // A system key cannot touch the registry, even if it tried.
    expect(await codeOf(createAiSystem(actor, body()))).toBe("FORBIDDEN");
  });

  it("`admin apikey:create --ai-system` binds the key and prints it alone on the last line", async () => {
    const { system } = await makeSystem();
    const r = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/admin.ts", "apikey:create", "--name", "loan-scorer", "--scopes", "decisions:write,decisions:read", "--ai-system", system.id], { env: process.env });
    const last = r.stdout.trim().split("\n").at(-1)!;
    expect(last).toMatch(/^ocd_[A-Za-z0-9_-]+$/);
    const row = await db().apiKey.findFirst({ where: { name: "loan-scorer", aiSystemId: system.id } });
    expect(row).not.toBeNull();
  });
});

describe("oversightControlFindings (for posture control tests)", () => {
  it("lists high-risk systems without an approved model or a policy, and SLA breaches of the last 30 days", async () => {
    const o = await actorFor("compliance_officer");
    const bare = await createAiSystem(o, { ...body(), riskTier: "high" });
    const minimal = await createAiSystem(o, { ...body(), riskTier: "minimal" });
    const good = await makeSystem({ rules: [{ when: {}, action: "review", slaHours: 1 }] });
    const d = await submit(await systemKey(good.system.id));
    await db().oversightDecision.update({ where: { id: d.id }, data: { slaBreachedAt: new Date(), status: "expired" } });
    const { findings } = await oversightControlFindings(await actorFor("auditor"));
    const mine = (id: string) => findings.filter((f) => f.entityId === id).map((f) => f.control).sort();
    expect(mine(bare.id)).toEqual(["oversight.high-risk-approved-model", "oversight.high-risk-escalation-policy"]);
    expect(mine(minimal.id)).toEqual([]);
    expect(mine(good.system.id)).toEqual([]);
    expect(mine(d.id)).toEqual(["oversight.decision-sla"]);
  });

  it("retired model versions do not count as approved", async () => {
    const { system, officer, versionId } = await makeSystem({ rules: [] });
    await retireModelVersion(officer, system.id, versionId);
    const { findings } = await oversightControlFindings(officer);
    expect(findings.some((f) => f.entityId === system.id && f.control === "oversight.high-risk-approved-model")).toBe(true);
  });
});
