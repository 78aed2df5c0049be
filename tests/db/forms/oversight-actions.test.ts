import { beforeEach, describe, expect, it } from "vitest";
import { signedIn, formOf } from "./actions-helpers";
import { createAiSystemAction, createModelVersionAction, putPolicyAction } from "@/app/(dashboard)/oversight/actions";
import { db } from "@/lib/server/db";
import { actorFor } from "@/lib/server/testing/factories";
import { makeSystem, officer, uid } from "../oversight/helpers";

const TWO_ROWS = [
  { when: { decisionType: "loan_refusal", amountAbove: 50000 }, action: "review", approvals: 2, slaHours: 4, onTimeout: "escalate" },
  { when: { confidenceBelow: 1.5 }, action: "review", approvals: 0 },
];

const auditCount = (entityId: string) => db().auditEvent.count({ where: { entityId } });

describe("escalation policy action: refusals keep the rules and say what is wrong in words", () => {
  beforeEach(async () => {
    signedIn.actor = await officer();
  });

  it("refuses a bad row naming the rule, the field's label and the value; writes nothing", async () => {
    const { system } = await makeSystem();
    const rules = JSON.stringify(TWO_ROWS);
    const before = await auditCount(system.id);
    const r = await putPolicyAction(null, formOf({ aiSystemId: system.id, rules, allowAdminReview: "on" }));
    expect(r.ok).toBe(false);
    expect(r.values).toMatchObject({ aiSystemId: system.id, rules, allowAdminReview: "on" });
    expect(r.fieldErrors).toEqual({
      "rules.1.when.confidenceBelow": "Rule 2: Confidence below 1.5 must be at most 1",
      "rules.1.approvals": "Rule 2: Approvals needed 0 must be at least 1",
    });
    expect(await db().escalationPolicy.findUnique({ where: { aiSystemId: system.id } })).toBeNull();
    expect(await auditCount(system.id)).toBe(before);
  });

  it("words the schema's own rules (auto-accept with approvals, unknown conditions) and bad JSON", async () => {
    const { system } = await makeSystem();
    const r = await putPolicyAction(null, formOf({ aiSystemId: system.id, rules: JSON.stringify([{ when: { colour: "red" }, action: "auto_accept", approvals: 2 }]) }));
    expect(r.fieldErrors?.["rules.0.action"]).toBe('Rule 1: Action "Accept automatically" cannot be combined with approvals, an SLA or a timeout (those belong to a review)');
    expect(r.fieldErrors?.["rules.0.when"]).toBe('Rule 1: Conditions has a field this form does not know: "colour"');
    const bad = await putPolicyAction(null, formOf({ aiSystemId: system.id, rules: "[{" }));
    expect(bad).toMatchObject({ ok: false, values: { rules: "[{" } });
    expect(bad.fieldErrors?.rules).toMatch(/^Rules are not valid JSON: .+ Fix it in the JSON tab/);
    expect(await db().escalationPolicy.count({ where: { aiSystemId: system.id } })).toBe(0);
  });

  it("saves valid rules (the same schema as the API) and a reviewer is refused before any validation", async () => {
    const { system } = await makeSystem();
    const fixed = [TWO_ROWS[0], { when: { confidenceBelow: 0.7 }, action: "review", approvals: 1 }];
    const ok = await putPolicyAction(null, formOf({ aiSystemId: system.id, rules: JSON.stringify(fixed) }));
    expect(ok).toMatchObject({ ok: true, message: "Policy saved (revision 1).", data: { revision: 1 } });
    const row = await db().escalationPolicy.findUniqueOrThrow({ where: { aiSystemId: system.id } });
    expect(JSON.parse(row.rules)).toEqual(fixed);

    signedIn.actor = await actorFor("reviewer");
    const denied = await putPolicyAction(null, formOf({ aiSystemId: system.id, rules: "[{" }));
    expect(denied.ok).toBe(false);
    expect(denied.fieldErrors?.rules).toBeUndefined();
    expect(denied.message).not.toMatch(/JSON/);
    expect((await db().escalationPolicy.findUniqueOrThrow({ where: { aiSystemId: system.id } })).revision).toBe(1);
  });
});

describe("registry form actions", () => {
  beforeEach(async () => {
    signedIn.actor = await officer();
  });

  it("an AI system refused for a missing purpose and an unknown tier keeps the values; nothing is created", async () => {
    const name = uid("Scorer");
    const r = await createAiSystemAction(null, formOf({ name, purpose: " ", riskTier: "extreme", owner: "Risk" }));
    expect(r).toMatchObject({ ok: false, values: { name, purpose: " ", riskTier: "extreme", owner: "Risk" } });
    expect(r.fieldErrors?.purpose).toBe("Purpose is required");
    expect(r.fieldErrors?.riskTier).toBe('Risk tier (EU AI Act) "extreme" must be one of Prohibited (Art. 5), High (Annex III), Limited (transparency duties), Minimal');
    expect(await db().aiSystem.count({ where: { name } })).toBe(0);
  });

  it("a model version with a bad SHA-256 names the value in words; nothing is created", async () => {
    const { system } = await makeSystem();
    const r = await createModelVersionAction(null, formOf({ aiSystemId: system.id, version: "v9", artifactSha256: "not-a-hash" }));
    expect(r.fieldErrors?.artifactSha256).toBe(`Artifact SHA-256 "not-a-hash" must be the artifact's SHA-256 in hex: 64 characters 0-9 and a-f (e.g. the output of sha256sum)`);
    expect(r.values).toMatchObject({ version: "v9", artifactSha256: "not-a-hash" });
    expect(await db().aiModelVersion.count({ where: { aiSystemId: system.id, version: "v9" } })).toBe(0);
  });
});
