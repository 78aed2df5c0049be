import "server-only";
// Every automated control test, keyed by the catalogue control it decides. To add one:
// write lib/server/posture/control-tests/<name>.ts exporting a ControlTestProvider and
// add ONE line to PROVIDERS below. A control without a provider keeps its manual review.
import { assetsEncryptedTest } from "./assets-encrypted";
import { auditChainTest } from "./audit-chain";
import { breachObligationsTest } from "./breach-obligations";
import { lawfulBasisTest } from "./lawful-basis";
import { decisionSlaTest, highRiskApprovalTest } from "./oversight";
import { privilegedMfaTest } from "./privileged-mfa";
import { reviewsCurrentTest } from "./reviews-current";
import type { ControlTestProvider } from "./types";

export const PROVIDERS: readonly ControlTestProvider[] = [
  privilegedMfaTest,
  auditChainTest,
  reviewsCurrentTest,
  assetsEncryptedTest,
  lawfulBasisTest,
  breachObligationsTest,
  highRiskApprovalTest,
  decisionSlaTest,
];

const BY_CONTROL = new Map(PROVIDERS.map((p) => [p.controlId, p]));

export function providerFor(controlId: string): ControlTestProvider | undefined {
  return BY_CONTROL.get(controlId);
}

export function hasAutomatedTest(controlId: string): boolean {
  return BY_CONTROL.has(controlId);
}
