import "server-only";
// Demo data for the oversight area, made through this area's own functions (validated,
// audited), acting as the demo's compliance officer and reviewers.
import { createHash } from "node:crypto";
import { isRole } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/server/actor";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate-api-key";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { db } from "@/lib/server/db";
import { setAiSystemLinks } from "@/lib/server/oversight/links";
import { putEscalationPolicy } from "@/lib/server/oversight/policy";
import { approveModelVersion, createAiSystem, createModelVersion } from "@/lib/server/oversight/registry";
import { reviewDecision } from "@/lib/server/oversight/review-decision";
import { submitDecision } from "@/lib/server/oversight/submit-decision";

const digest = (s: string) => createHash("sha256").update(s).digest("hex");

async function personActor(role: string): Promise<Actor | null> {
  const u = await db().user.findFirst({ where: { role, disabledAt: null }, orderBy: { createdAt: "asc" } });
  if (!u || !isRole(u.role)) return null;
  return { kind: "user", userId: u.id, email: u.email, name: u.name, role: u.role, sessionId: null, ip: null, mfaEnrolmentRequired: false };
}

export async function seedOversightDemo(actor: Actor) {
  const officer = (await personActor("compliance_officer")) ?? actor;
  const reviewer = await personActor("reviewer");


  const credit = await createAiSystem(officer, { name: "Consumer credit scoring", purpose: "Scores personal-loan applications and proposes approve/refuse.", riskTier: "high", owner: "Retail Risk", deploymentStatus: "production" });
  const v32 = await createModelVersion(officer, credit.id, { version: "3.2.0", artifactSha256: digest("credit-3.2.0"), trainingDataRef: "warehouse://loans/2019-2025", notes: "AUC 0.83. Fairness: approval-rate ratio by sex 0.96, by age band 0.91 (threshold 0.8)." });
  await approveModelVersion(officer, credit.id, v32.id);
  await createModelVersion(officer, credit.id, { version: "3.3.0-rc1", artifactSha256: digest("credit-3.3.0-rc1"), trainingDataRef: "warehouse://loans/2019-2026", notes: "Awaiting fairness re-run." });
  await putEscalationPolicy(officer, credit.id, {
    rules: [
      { when: { decisionType: "loan_refusal", amountAbove: 50000 }, action: "review", approvals: 2, slaHours: 8, onTimeout: "escalate", escalateTo: "compliance_officer" },
      { when: { decisionType: "loan_refusal" }, action: "review", approvals: 1, slaHours: 24, onTimeout: "expire" },
      { when: { confidenceBelow: 0.6 }, action: "review", approvals: 1, slaHours: 24 },
      { when: {}, action: "auto_accept" },
    ],
  });

  const triage = await createAiSystem(officer, { name: "Radiology triage", purpose: "Flags chest X-rays for urgent radiologist review.", riskTier: "high", owner: "Clinical AI board", deploymentStatus: "production" });
  const t1 = await createModelVersion(officer, triage.id, { version: "2026.10", artifactSha256: digest("triage-2026.10"), trainingDataRef: "pacs://cxr-2018-2025", notes: "Sensitivity 0.94, specificity 0.88; subgroup gap by sex < 2 pts." });
  await approveModelVersion(officer, triage.id, t1.id);
  await putEscalationPolicy(officer, triage.id, { rules: [{ when: { impact: "critical" }, action: "review", approvals: 1, slaHours: 1, onTimeout: "escalate" }, { when: {}, action: "review", approvals: 1, slaHours: 12 }] });

  // A high-risk system still in development, without an approved version or policy:
  // the control findings list it.
  const cv = await createAiSystem(officer, { name: "CV screening (pilot)", purpose: "Ranks applications for engineering roles.", riskTier: "high", owner: "Talent acquisition" });

  // Which inventory records each system uses (when the inventory demo ran first).
  const idsOf = async (assets: string[], activities: string[]) => ({
    assetIds: (await db().dataAsset.findMany({ where: { name: { in: assets } }, select: { id: true } })).map((r) => r.id),
    processingActivityIds: (await db().processingActivity.findMany({ where: { name: { in: activities } }, select: { id: true } })).map((r) => r.id),
  });
  await setAiSystemLinks(officer, credit.id, await idsOf(["Data warehouse", "Salesforce CRM"], ["Customer relationship management"]));
  await setAiSystemLinks(officer, cv.id, await idsOf(["Applicant tracking"], ["Recruitment"]));

  const keyFor = async (aiSystemId: string, name: string) => {
    const k = await createApiKey(actor, { name, scopes: ["decisions:read", "decisions:write"], aiSystemId });
    return authenticateApiKey(k.key, null);
  };
  const creditKey = await keyFor(credit.id, "credit-scoring-service");
  const triageKey = await keyFor(triage.id, "radiology-triage-service");

  const loans = [
    { amount: 72000, confidence: 0.81, summary: "Debt-to-income 61%; two missed card payments in 2025.", outcome: "refuse" },
    { amount: 15000, confidence: 0.74, summary: "Short employment history (4 months); no credit file.", outcome: "refuse" },
    { amount: 8000, confidence: 0.66, summary: "Income volatile over 12 months; existing overdraft at limit.", outcome: "refuse" },
    { amount: 120000, confidence: 0.88, summary: "Requested amount 9x monthly income; collateral not declared.", outcome: "refuse" },
    { amount: 22000, confidence: 0.58, summary: "Thin file; rent payments regular for 3 years.", outcome: "refuse" },
  ];
  // Submitted over the last hours, not all in the same second as the reviews below: the
  // demo's "time to decision" then reads as a real queue's would.
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
  const ids: string[] = [];
  for (const [i, l] of loans.entries()) {
    const d = await submitDecision(creditKey, {
      externalId: `APP-2026-${1040 + i}`,
      modelVersion: "3.2.0",
      decisionType: "loan_refusal",
      proposedOutcome: l.outcome,
      confidence: l.confidence,
      impact: "high",
      amount: l.amount,
      jurisdiction: i % 2 ? "DE" : "FR",
      subjectRef: `customer-${58100 + i}`,
      summary: l.summary,
      inputs: { amount: l.amount, features: { dti: 0.4 + i / 20, missedPayments: i % 3 } },
    }, undefined, hoursAgo(6.5 - i * 1.2));
    ids.push(d.id);
  }
  for (let i = 0; i < 4; i++) {
    await submitDecision(creditKey, { externalId: `APP-2026-${1100 + i}`, modelVersion: "3.2.0", decisionType: "loan_approval", proposedOutcome: "approve", confidence: 0.9, impact: "medium", amount: 5000 + i * 1000, summary: "Standard profile within policy limits." }, undefined, hoursAgo(5 - i));
  }
  const scans = ["Suspected pneumothorax, right apex.", "Nodule 9 mm left lower lobe.", "No acute findings; low image quality."];
  for (const [i, s] of scans.entries()) {
    await submitDecision(triageKey, { externalId: `CXR-${88210 + i}`, modelVersion: "2026.10", decisionType: "diagnosis_flag", proposedOutcome: i === 2 ? "routine" : "urgent", confidence: [0.93, 0.71, 0.55][i]!, impact: i === 0 ? "critical" : "medium", subjectRef: `MRN-${400120 + i}`, summary: s }, undefined, hoursAgo([0.3, 2, 4][i]!));
  }

  if (reviewer) {
    await reviewDecision(reviewer, ids[1]!, { verdict: "approve", rationale: "Employment contract confirms probation; refusal consistent with policy." });
    await reviewDecision(reviewer, ids[2]!, { verdict: "override", rationale: "Overdraft was a one-off medical expense; income recovered. Grant with a lower limit.", overrideOutcome: "approve 5000" });
    await reviewDecision(reviewer, ids[0]!, { verdict: "approve", rationale: "Missed payments verified with the bureau." });
    await reviewDecision(reviewer, ids[4]!, { verdict: "request_info", rationale: "Please attach the rent ledger the customer offered." });
  }
  return { systems: 3 };

}
