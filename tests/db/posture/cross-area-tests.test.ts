// The automated control tests that read other areas: each names the failing record and
// stops failing once the record is fixed.
import { describe, expect, it } from "vitest";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createAsset, updateAsset } from "@/lib/server/inventory/assets";
import { assetsEncryptedTest } from "@/lib/server/posture/control-tests/assets-encrypted";
import { breachObligationsTest } from "@/lib/server/posture/control-tests/breach-obligations";
import { highRiskApprovalTest } from "@/lib/server/posture/control-tests/oversight";
import { PROVIDERS } from "@/lib/server/posture/control-tests/registry";
import { createAiSystem } from "@/lib/server/oversight/registry";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { assetInput } from "../inventory/fixtures";

const JOB = { kind: "system", label: "posture.control-tests" } as const;

describe("cross-area automated control tests", () => {
  it("every provider decides a distinct control", () => {
    const ids = PROVIDERS.map((p) => p.controlId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["SEC-ENC-REST", "GDPR-6", "BR-NO-OVERDUE-OBLIGATION", "SEC-HIGH-RISK-APPROVAL", "SEC-DECISION-SLA"]));
  });

  it("SEC-ENC-REST fails on an unencrypted personal-data asset and passes once it is encrypted", async () => {
    const a = await createAsset(SYSTEM_CLI, assetInput({ name: "Unencrypted HR share", dataCategories: ["health"], encryptionAtRest: "none" }));
    const r = await assetsEncryptedTest.run(JOB);
    expect(r.status).toBe("fail");
    expect(r.failing).toContainEqual(expect.objectContaining({ entityId: a.id, href: `/inventory/assets/${a.id}` }));
    await updateAsset(SYSTEM_CLI, a.id, { encryptionAtRest: "customer_managed" });
    expect((await assetsEncryptedTest.run(JOB)).failing.map((f) => f.entityId)).not.toContain(a.id);
  });

  it("SEC-HIGH-RISK-APPROVAL names a high-risk system without an approved model or policy", async () => {
    const s = await createAiSystem(SYSTEM_CLI, { name: `Credit scorer ${Math.random()}`, purpose: "Loan decisions", riskTier: "high" });
    const r = await highRiskApprovalTest.run(JOB);
    expect(r.status).toBe("fail");
    expect(r.failing.filter((f) => f.entityId === s.id)).toHaveLength(2);
  });

  it("BR-NO-OVERDUE-OBLIGATION fails for an incident discovered long ago with nothing sent", async () => {
    const inc = await createIncident(SYSTEM_CLI, { title: "Old laptop theft", discoveredAt: "2025-01-06T09:00:00Z", roles: ["controller"], riskLevel: "high", affected: [{ jurisdiction: "DE", count: 40 }] });
    const r = await breachObligationsTest.run(JOB);
    expect(r.status).toBe("fail");
    expect(r.failing.some((f) => f.href === `/breaches/${inc.id}`)).toBe(true);
  });
});
